"""The cities app's own pages; portal.hub_urls adds the city page, which gathers other apps'."""

from django.urls import path

from . import editor_views, views

urlpatterns = [
    path("", views.city_list, name="list"),
    path("<slug:slug>/edit/", editor_views.city_edit, name="edit"),
    path("<slug:slug>/history/", editor_views.city_history, name="history"),
]
