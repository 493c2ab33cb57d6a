"""The projects app's own pages; portal.hub_urls adds the pilot page, which gathers other apps'."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.project_list, name="list"),
    path("", include("projects.editor_urls")),
]
