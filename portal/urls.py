from django.urls import path
from django.views.generic import RedirectView

from core.routes import statistics_pages

from . import search_views, views
from .editors import SITE_PAGE_EDITOR

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("map/", search_views.map_page, name="map"),
    *statistics_pages("", views.statistics_page, views.statistics_csv),
    path("language/", views.language, name="language"),
    path("me/", views.me, name="me"),
    # Addresses people guess for their registrations lead to My portal.
    path("registrations/", RedirectView.as_view(pattern_name="portal:me", permanent=True)),
    path("pages/<slug:slug>/", views.site_page, name="page"),
    *SITE_PAGE_EDITOR.urls(),
]
