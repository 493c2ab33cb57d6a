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


def _with_detail_page(app_urls: str, detail_view, namespace: str):
    """An app's own pages (`app_urls`) with the hub page that shows one of its items."""
    return (
        [path("", include(app_urls)), path("<slug:slug>/", detail_view, name="detail")],
        namespace,
    )


cities = _with_detail_page("cities.urls", hub_views.city_detail, "cities")
projects = _with_detail_page("projects.urls", hub_views.project_detail, "projects")
partners = _with_detail_page("accounts.partner_urls", hub_views.partner_detail, "partners")
