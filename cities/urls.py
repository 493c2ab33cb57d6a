"""The cities app's own pages; portal.hub_urls adds the city page, which gathers other apps'."""

from django.urls import path

from . import views
from .editors import CITY_EDITOR

urlpatterns = [
    path("", views.city_list, name="list"),
    path("names/", views.city_names, name="names"),
    *CITY_EDITOR.urls(),
]
