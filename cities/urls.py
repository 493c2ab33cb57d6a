from django.urls import path  # noqa: F401

app_name = "cities"

urlpatterns: list = []
