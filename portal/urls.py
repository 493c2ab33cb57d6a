from django.urls import path

from . import search_views, views
from .editors import SITE_PAGE_EDITOR

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("map/", search_views.map_page, name="map"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("language/", views.language, name="language"),
    path("pages/<slug:slug>/", views.site_page, name="page"),
    *SITE_PAGE_EDITOR.urls(),
]
