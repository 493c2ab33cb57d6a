from django.urls import path
from django.views.generic import RedirectView

from . import search_views, views
from .editors import SITE_PAGE_EDITOR

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("map/", search_views.map_page, name="map"),
    path("statistics/", views.statistics_page, name="statistics"),
    path("statistics/<slug:chart>.csv", views.statistics_csv, name="statistics-csv"),
    path("language/", views.language, name="language"),
    path("me/", views.me, name="me"),
    # Addresses people guess for their registrations lead to My portal.
    path("registrations/", RedirectView.as_view(pattern_name="portal:me", permanent=True)),
    path("pages/<slug:slug>/", views.site_page, name="page"),
    *SITE_PAGE_EDITOR.urls(),
]
