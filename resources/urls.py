from django.urls import include, path

from . import views

app_name = "resources"

# Mounted at the site root: news is the resource kind "news" with its own listing.
urlpatterns = [
    path("", include("resources.editor_urls")),
    path("resources/", views.resource_list, name="list"),
    path("resources/<slug:slug>/", views.resource_detail, name="detail"),
    path("news/", views.news_list, name="news"),
]
