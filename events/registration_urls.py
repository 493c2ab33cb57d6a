from django.urls import path

from core.routes import statistics_pages

from . import registration_views as views

app_name = "event_staff"

urlpatterns = [
    *statistics_pages(
        "series/<slug:slug>/",
        views.series_statistics,
        views.series_statistics_csv,
        name_prefix="series-",
    ),
    path(
        "series/<slug:slug>/final-requirement/",
        views.series_final_requirement,
        name="series-final-requirement",
    ),
    path("<slug:slug>/registrations/", views.event_registrations, name="registrations"),
    path("<slug:slug>/registrations.csv", views.event_registrations_csv, name="registrations-csv"),
    path(
        "<slug:slug>/registrations/<int:pk>/attendance/",
        views.registration_attendance,
        name="attendance",
    ),
    *statistics_pages("<slug:slug>/", views.event_statistics, views.event_statistics_csv),
]
