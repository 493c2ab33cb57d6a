"""The library's editorial URLs and its review queue under /editor/ (mounted at the site root)."""

from django.urls import path

from core.routes import object_pages

from . import editor_views as views
from .editors import RESOURCE_EDITOR

urlpatterns = [
    *RESOURCE_EDITOR.urls(),
    path("resources/propose/", views.resource_propose, name="propose"),
    path("editor/review/", views.review_queue, name="review"),
    *object_pages(
        "editor/review/<int:pk>/",
        {"publish": views.review_publish, "return": views.review_return},
        name_prefix="review-",
    ),
    path("editor/proposals/", views.my_proposals, name="my-proposals"),
]
