from django.urls import path

from . import registration_views as views

app_name = "event_staff"

urlpatterns = [
    path("series/<slug:slug>/statistics/", views.series_statistics, name="series-statistics"),
    path(
        "series/<slug:slug>/statistics/<slug:chart>.csv",
        views.series_statistics_csv,
        name="series-statistics-csv",
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
    path("<slug:slug>/statistics/", views.event_statistics, name="statistics"),
    path(
        "<slug:slug>/statistics/<slug:chart>.csv",
        views.event_statistics_csv,
        name="statistics-csv",
    ),
]
