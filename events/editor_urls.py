"""Editorial URLs, included by events/urls.py ahead of `<slug>/` and `series/<slug>/`."""

from django.urls import path

from . import editor_views

urlpatterns = [
    path("new/", editor_views.event_create, name="create"),
    path("series/new/", editor_views.series_create, name="series-create"),
    path("series/<slug:slug>/edit/", editor_views.series_edit, name="series-edit"),
    path("series/<slug:slug>/preview/", editor_views.series_preview, name="series-preview"),
    path("series/<slug:slug>/publish/", editor_views.series_publish, name="series-publish"),
    path("series/<slug:slug>/unpublish/", editor_views.series_unpublish, name="series-unpublish"),
    path("series/<slug:slug>/history/", editor_views.series_history, name="series-history"),
    path("<slug:slug>/edit/", editor_views.event_edit, name="edit"),
    path("<slug:slug>/preview/", editor_views.event_preview, name="preview"),
    path("<slug:slug>/publish/", editor_views.event_publish, name="publish"),
    path("<slug:slug>/unpublish/", editor_views.event_unpublish, name="unpublish"),
    path("<slug:slug>/history/", editor_views.event_history, name="history"),
]
