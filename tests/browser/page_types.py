"""Every page type of the portal, as the browser tests visit it on the demo content.

One list for the accessibility test, the layout test and `make screenshots`, so a page type added
here is checked everywhere. Each entry gives the path (computed once the demo is loaded) and who
must be signed in to see it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from portal.demo.data import (
    DRR,
    LEBANON_PILOT,
    NDRCC_VISIT_NEWS,
    REAL_TRAINING_SERIES,
    SEPTEMBER_2023_EVENT,
)
from portal.demo.opportunity_data import DRR_FELLOWSHIP

PASSWORD = "demo-password-2026"  # the demo accounts' published password
DEMO_ACCOUNTS = {
    "editor": "editor@example.org",
    "official": "official@example.org",
    "partner": "partner@example.org",
}


@dataclass(frozen=True)
class PageType:
    name: str
    path: Callable[[], str]
    # Demo account to sign in with (a key of DEMO_ACCOUNTS), or None for an anonymous visitor.
    role: str | None = None


def _first_resource_path():
    from resources.models import Resource, ResourceKind

    resource = Resource.objects.published().exclude(kind=ResourceKind.NEWS).first()
    return resource.get_absolute_url()


def _tripoli_path():
    from cities.models import City

    return City.objects.get(name="Tripoli").get_absolute_url()


def _demo_application_path():
    from opportunities.models import Application

    return Application.objects.get(applicant__email=DEMO_ACCOUNTS["official"]).get_absolute_url()


def _partner_path():
    from accounts.models import Organization

    return f"/partners/{Organization.objects.get(slug='undp').slug}/"


PAGE_TYPES = [
    PageType("home", lambda: "/"),
    PageType("cluster-list", lambda: "/clusters/"),
    PageType("cluster", lambda: f"/clusters/{DRR}/"),
    PageType("city-list", lambda: "/cities/"),
    PageType("city", _tripoli_path),
    # Tripoli's page as its official sees it: suggestions with "Propose an exchange".
    PageType("city-official", _tripoli_path, role="official"),
    PageType("pilot-list", lambda: "/projects/"),
    PageType("pilot", lambda: f"/projects/{LEBANON_PILOT}/"),
    PageType("event-list", lambda: "/events/"),
    PageType("event", lambda: f"/events/{SEPTEMBER_2023_EVENT}/"),
    PageType("series", lambda: f"/events/series/{REAL_TRAINING_SERIES[-1]}/"),
    PageType("library", lambda: "/resources/"),
    PageType("resource", _first_resource_path),
    PageType("news", lambda: "/news/"),
    PageType("news-item", lambda: f"/resources/{NDRCC_VISIT_NEWS}/"),
    PageType("opportunity-list", lambda: "/opportunities/"),
    PageType("opportunity", lambda: f"/opportunities/{DRR_FELLOWSHIP}/"),
    PageType("opportunity-apply", lambda: f"/opportunities/{DRR_FELLOWSHIP}/apply/", "official"),
    PageType("my-applications", lambda: "/opportunities/applications/", role="official"),
    PageType("application", _demo_application_path, role="editor"),
    PageType("application-review", lambda: "/opportunities/applications/review/", role="editor"),
    PageType("partner-list", lambda: "/partners/"),
    PageType("partner", _partner_path),
    PageType("search", lambda: "/search/?q=Tripoli"),
    PageType("search-no-results", lambda: "/search/?q=zzzyxw"),
    # On PostgreSQL: "Did you mean “Shenzhen”?" above the corrected results.
    PageType("search-did-you-mean", lambda: "/search/?q=Shenzen"),
    PageType("search-empty", lambda: "/search/"),
    PageType("map", lambda: "/map/"),
    PageType("statistics", lambda: "/statistics/"),
    PageType("sign-in", lambda: "/accounts/login/"),
    PageType("me-official", lambda: "/me/", role="official"),
    PageType("me-editor", lambda: "/me/", role="editor"),
    PageType("site-page", lambda: "/pages/about/"),
    PageType("api-root", lambda: "/api/v1/"),
    PageType("editor-desk", lambda: "/editor/", role="editor"),
    PageType("create-form", lambda: "/projects/new/", role="editor"),
    PageType("review-queue", lambda: "/editor/review/", role="editor"),
    PageType("translate-pilot", lambda: f"/projects/{LEBANON_PILOT}/translate/ar/", role="editor"),
    PageType("missing-translations", lambda: "/editor/translations/", role="editor"),
    PageType(
        "event-statistics",
        lambda: f"/events/{SEPTEMBER_2023_EVENT}/statistics/",
        role="editor",
    ),
    PageType(
        "series-statistics",
        lambda: f"/events/series/{REAL_TRAINING_SERIES[-1]}/statistics/",
        role="editor",
    ),
    PageType("matchmaking", lambda: "/matchmaking/", role="editor"),
    PageType("collaboration-form", lambda: "/collaborate/", role="partner"),
    PageType("my-collaboration-requests", lambda: "/collaborate/mine/", role="partner"),
    # Six columns: on a phone each request is a block of labelled lines (stacked-table).
    PageType("collaboration-review", lambda: "/collaborate/review/", role="editor"),
    PageType("profile", lambda: "/accounts/profile/", role="partner"),
]

BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}


def sign_in(page, base_url: str, role: str) -> None:
    """Sign in through the real form, as a person would."""
    page.goto(base_url + "/accounts/login/")
    page.locator("input[name=login]").fill(DEMO_ACCOUNTS[role])
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.login button[type=submit], main form button[type=submit]").first.click()
    page.wait_for_load_state()


def set_language(context, base_url: str, language: str) -> None:
    """Remember `language` in this browser context, as the language switcher does; the pages
    themselves speak the language of their address (see `in_language`)."""
    context.add_cookies([{"name": "django_language", "value": language, "url": base_url}])


def in_language(path: str, language: str) -> str:
    """`path` at its address in `language`: /fr/clusters/ for French, /clusters/ for English;
    the API, which has one address, is asked with ?lang=."""
    from core.i18n import path_in_language

    localized = path_in_language(path, language)
    if localized.startswith("/api/"):
        return f"{localized}{'&' if '?' in localized else '?'}lang={language}"
    return localized
