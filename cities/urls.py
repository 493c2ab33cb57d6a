from django.urls import include, path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_list, name="list"),
    path("", include("cities.editor_urls")),
    path("<slug:slug>/", views.city_detail, name="detail"),
]
