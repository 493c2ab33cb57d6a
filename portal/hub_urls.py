"""The URL namespaces of the hub pages: each app's own pages plus the hub page the top layer adds.

config/urls.py mounts each list under its namespace (`clusters:detail`, `cities:edit`...).
"""

from django.urls import include, path

from . import hub_views

clusters = (
    [
        path("", hub_views.cluster_list, name="list"),
        path("", include("clusters.urls")),
        path("<slug:slug>/", hub_views.cluster_detail, name="detail"),
        path("<slug:slug>/feed/", hub_views.ClusterFeed(), name="feed"),
        path("<slug:slug>/events.ics", hub_views.cluster_events_ics, name="events-ics"),
    ],
    "clusters",
)

cities = (
    [
        path("", include("cities.urls")),
        path("<slug:slug>/", hub_views.city_detail, name="detail"),
    ],
    "cities",
)

projects = (
    [
        path("", include("projects.urls")),
        path("<slug:slug>/", hub_views.project_detail, name="detail"),
    ],
    "projects",
)

partners = (
    [
        path("", include("accounts.partner_urls")),
        path("<slug:slug>/", hub_views.partner_detail, name="detail"),
    ],
    "partners",
)
