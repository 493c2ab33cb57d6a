from django.urls import include, path

from . import views
from .feeds import ClusterFeed

app_name = "clusters"

urlpatterns = [
    path("", views.cluster_list, name="list"),
    path("", include("clusters.editor_urls")),
    path("<slug:slug>/", views.cluster_detail, name="detail"),
    path("<slug:slug>/feed/", ClusterFeed(), name="feed"),
    path("<slug:slug>/events.ics", views.cluster_events_ics, name="events-ics"),
]
