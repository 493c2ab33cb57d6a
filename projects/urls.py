from django.urls import include, path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("", include("projects.editor_urls")),
    path("<slug:slug>/", views.project_detail, name="detail"),
]
