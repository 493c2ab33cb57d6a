"""The library's editorial URLs and its review queue under /editor/ (mounted at the site root)."""

from django.urls import path

from . import editor_views as views

urlpatterns = [
    path("resources/new/", views.resource_create, name="create"),
    path("resources/propose/", views.resource_propose, name="propose"),
    path("resources/<slug:slug>/edit/", views.resource_edit, name="edit"),
    path("resources/<slug:slug>/preview/", views.resource_preview, name="preview"),
    path("resources/<slug:slug>/publish/", views.resource_publish, name="publish"),
    path("resources/<slug:slug>/unpublish/", views.resource_unpublish, name="unpublish"),
    path("resources/<slug:slug>/history/", views.resource_history, name="history"),
    path("editor/review/", views.review_queue, name="review"),
    path("editor/review/<int:pk>/publish/", views.review_publish, name="review-publish"),
    path("editor/review/<int:pk>/return/", views.review_return, name="review-return"),
    path("editor/proposals/", views.my_proposals, name="my-proposals"),
]
