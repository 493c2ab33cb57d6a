from django.urls import include, path

from . import resource_views

app_name = "resources"

# Mounted at the site root: news is the resource kind "news" with its own listing.
urlpatterns = [
    path("", include("clusters.resource_editor_urls")),
    path("resources/", resource_views.resource_list, name="list"),
    path("resources/<slug:slug>/", resource_views.resource_detail, name="detail"),
    path("news/", resource_views.news_list, name="news"),
]
