"""The clusters app's own pages (the editorial ones); portal.hub_urls adds the public pages."""

from django.urls import path

from . import editor_views

urlpatterns = [
    path("<slug:slug>/edit/", editor_views.cluster_edit, name="edit"),
    path("<slug:slug>/history/", editor_views.cluster_history, name="history"),
]
