"""Editorial URLs, included by projects/urls.py ahead of `<slug>/` so "new" is never a project."""

from django.urls import path

from . import editor_views

urlpatterns = [
    path("new/", editor_views.project_create, name="create"),
    path("<slug:slug>/edit/", editor_views.project_edit, name="edit"),
    path("<slug:slug>/preview/", editor_views.project_preview, name="preview"),
    path("<slug:slug>/publish/", editor_views.project_publish, name="publish"),
    path("<slug:slug>/unpublish/", editor_views.project_unpublish, name="unpublish"),
    path("<slug:slug>/history/", editor_views.project_history, name="history"),
    path("<slug:slug>/updates/new/", editor_views.update_create, name="update-create"),
    path("<slug:slug>/updates/<int:pk>/edit/", editor_views.update_edit, name="update-edit"),
    path(
        "<slug:slug>/updates/<int:pk>/preview/", editor_views.update_preview, name="update-preview"
    ),
    path(
        "<slug:slug>/updates/<int:pk>/publish/", editor_views.update_publish, name="update-publish"
    ),
    path(
        "<slug:slug>/updates/<int:pk>/unpublish/",
        editor_views.update_unpublish,
        name="update-unpublish",
    ),
    path(
        "<slug:slug>/updates/<int:pk>/history/", editor_views.update_history, name="update-history"
    ),
]
