from django.urls import path

from . import search_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("map/", search_views.map_page, name="map"),
    path("language/", views.language, name="language"),
]
