from django.urls import include, path

from . import certificate_views, views

app_name = "events"

# The fixed words come before `<slug>/` so an event can never shadow them.
urlpatterns = [
    path("", views.event_list, name="list"),
    path("", include("events.editor_urls")),
    path("past/", views.event_past_list, name="past"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path(
        "certificates/<str:code>/", certificate_views.certificate_verify, name="certificate-verify"
    ),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ical, name="ical"),
    path("<slug:slug>/register/", views.event_register, name="register"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel"),
]
