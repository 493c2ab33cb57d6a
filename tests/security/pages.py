"""One URL of every page type, for the header test and the browser CSP test (demo content)."""

from django.urls import reverse

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from events.models import Event, TrainingSeries
from projects.models import Project
from resources.models import Resource


def public_pages() -> dict[str, str]:
    return {
        "home": reverse("portal:home"),
        "cluster list": reverse("clusters:list"),
        "cluster detail": Cluster.objects.order_by("order").first().get_absolute_url(),
        "city list": reverse("cities:list"),
        "city detail": City.objects.get(name="Tripoli").get_absolute_url(),
        "project list": reverse("projects:list"),
        "project detail": Project.objects.published()
        .get(slug__contains="lebanon")
        .get_absolute_url(),
        "event list": reverse("events:list"),
        "event detail": Event.objects.published().first().get_absolute_url(),
        "series detail": TrainingSeries.objects.published().first().get_absolute_url(),
        "resource list": reverse("resources:list"),
        "resource detail": Resource.objects.published().first().get_absolute_url(),
        "news list": reverse("resources:news"),
        "partner list": reverse("partners:list"),
        "partner detail": reverse(
            "partners:detail", kwargs={"slug": Organization.objects.get(slug="undp").slug}
        ),
        "search": reverse("portal:search") + "?q=Tripoli",
        "map": reverse("portal:map"),
        "statistics": reverse("portal:statistics"),
        "API statistics": "/api/v1/statistics/",
        "API JSON": "/api/v1/clusters/",
        "API docs (Swagger UI)": reverse("api-docs"),
        "API docs (Redoc)": reverse("api-redoc"),
        "admin login": reverse("admin:login"),
        "sign in": reverse("account_login"),
        "sign up": reverse("account_signup"),
        "password reset": reverse("account_reset_password"),
    }


def signed_in_pages() -> dict[str, str]:
    return {
        "profile": reverse("accounts:profile"),
        "notifications": reverse("notifications:list"),
        "two-factor authentication": reverse("mfa_index"),
        "authenticator app set-up": reverse("mfa_activate_totp"),
        "password change": reverse("account_change_password"),
    }
