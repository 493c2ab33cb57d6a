"""Each language has its own addresses: /fr/..., /ar/..., English at /; a shared link keeps its
language, the switcher keeps the reader on the same page, and search engines see every version."""

import copy
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import CityFactory, EventFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru")
DRR = "disaster-risk-reduction"


def test_the_french_address_serves_the_french_interface(client):
    page = client.get("/fr/clusters/")

    assert page.status_code == 200
    assert page["Content-Language"] == "fr"
    assert '<html lang="fr" dir="ltr">' in page.text
    assert "Pôles" in page.text  # "Clusters" in the French catalogue
    # Its links stay in French.
    assert 'href="/fr/cities/"' in page.text
    assert 'href="/fr/language/?next=/fr/clusters/"' in page.text


def test_the_arabic_address_is_right_to_left(client):
    page = client.get(f"/ar/clusters/{DRR}/")

    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text


def test_an_unprefixed_address_is_english_whatever_the_cookie_or_browser_says(client):
    """The documented rule: / is English; a shared English link opens in English."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    page = client.get("/clusters/", HTTP_ACCEPT_LANGUAGE="fr")

    assert page.status_code == 200  # no redirect by cookie
    assert page["Content-Language"] == "en"
    assert '<html lang="en" dir="ltr">' in page.text


def test_an_english_prefix_goes_to_the_unprefixed_page(client):
    response = client.get("/en/clusters/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/clusters/?page=2"


def test_the_english_prefix_never_sends_a_visitor_to_another_site(client):
    assert client.get("/en//evil.example/")["Location"] == "/evil.example/"
    assert client.get("/en/\\evil.example/")["Location"] == "/evil.example/"


def test_switching_language_on_a_pilot_page_lands_on_the_same_pilot(client):
    pilot = ProjectFactory(slug="tripoli-shenzhen")
    french = f"/fr/projects/{pilot.slug}/"
    assert client.get(french).status_code == 200

    to_spanish = client.post("/i18n/setlang/", {"language": "es", "next": french})
    assert to_spanish.status_code == 302
    assert to_spanish["Location"] == f"/es/projects/{pilot.slug}/"
    assert to_spanish.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"

    to_english = client.post("/i18n/setlang/", {"language": "en", "next": french})
    assert to_english["Location"] == f"/projects/{pilot.slug}/"

    to_arabic = client.post(
        "/i18n/setlang/", {"language": "ar", "next": f"/projects/{pilot.slug}/?tab=cities"}
    )
    assert to_arabic["Location"] == f"/ar/projects/{pilot.slug}/?tab=cities"
    assert 'dir="rtl"' in client.get(to_arabic["Location"]).text


def test_the_language_page_keeps_the_page_the_reader_came_from(client):
    page = client.get("/fr/language/?next=/fr/cities/")

    assert 'name="next" value="/fr/cities/"' in page.text
    assert 'action="/i18n/setlang/"' in page.text


def test_the_page_head_names_the_page_in_every_language(client):
    page = client.get(f"/fr/clusters/{DRR}/").text

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert alternates == {
        "en": f"http://testserver/clusters/{DRR}/",
        "fr": f"http://testserver/fr/clusters/{DRR}/",
        "es": f"http://testserver/es/clusters/{DRR}/",
        "ar": f"http://testserver/ar/clusters/{DRR}/",
        "zh-hans": f"http://testserver/zh-hans/clusters/{DRR}/",
        "ru": f"http://testserver/ru/clusters/{DRR}/",
        "x-default": f"http://testserver/clusters/{DRR}/",
    }
    assert f'<link rel="canonical" href="http://testserver/fr/clusters/{DRR}/">' in page
    assert '<meta property="og:locale" content="fr_FR">' in page
    og_alternates = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', page)
    assert sorted(og_alternates) == ["ar_AR", "en_GB", "es_ES", "ru_RU", "zh_CN"]


def test_the_sitemap_lists_each_page_in_every_language_with_its_alternates(client):
    CityFactory(slug="tripoli")

    body = client.get("/sitemap.xml").content.decode()

    for code in LANGUAGES:
        prefix = "" if code == "en" else f"/{code}"
        assert f"<loc>http://testserver{prefix}/cities/tripoli/</loc>" in body
        assert (
            f'<xhtml:link rel="alternate" hreflang="{code}" '
            f'href="http://testserver{prefix}/cities/tripoli/"/>'
        ) in body
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/cities/tripoli/"/>'
    ) in body


def test_signing_in_from_a_french_page_stays_in_french(client):
    response = client.get("/fr/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/fr/accounts/profile/"
    sign_in = client.get(response["Location"])
    assert sign_in.status_code == 200
    assert '<html lang="fr"' in sign_in.text


def test_reverse_gives_the_active_languages_address():
    with translation.override("ru"):
        assert reverse("clusters:list") == "/ru/clusters/"
        # Shared addresses have no prefix.
        assert reverse("sitemap") == "/sitemap.xml"
        assert reverse("api-docs") == "/api/docs/"
    assert reverse("clusters:list") == "/clusters/"


def test_the_atom_feed_speaks_the_language_of_its_address(client):
    feed = client.get(f"/fr/clusters/{DRR}/feed/")

    assert feed.status_code == 200
    body = feed.content.decode()
    assert 'xml:lang="fr"' in body
    assert f'href="http://testserver/fr/clusters/{DRR}/"' in body


def test_the_calendar_file_links_to_the_page_in_the_language_of_its_address(client):
    event = EventFactory(slug="knowledge-sharing-2023", online_url="https://meet.example.org/x")

    french = client.get(f"/fr/events/{event.slug}/event.ics").content.decode()
    english = client.get(f"/events/{event.slug}/event.ics").content.decode()

    unfolded = french.replace("\r\n ", "")
    assert f"URL:http://testserver/fr/events/{event.slug}/" in unfolded
    assert f"URL:http://testserver/events/{event.slug}/" in english.replace("\r\n ", "")


def test_shared_addresses_stay_unprefixed(client):
    assert client.get("/healthz").status_code in (200, 503)
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/fr/api/v1/clusters/").status_code == 404


@pytest.mark.parametrize("code", ["ru", "ar"])
def test_a_signed_in_page_counts_notifications_in_languages_with_complex_plurals(client, code):
    from tests.factories import NotificationFactory, UserFactory

    user = UserFactory()
    NotificationFactory.create_batch(3, recipient=user)
    client.force_login(user)

    page = client.get(f"/{code}/clusters/")

    assert page.status_code == 200
    assert '<span class="notification-count">3</span>' in page.text


def test_a_prefixed_page_varies_on_cookies_only(client):
    """A shared cache keeps one copy of /fr/clusters/, whatever the browser's languages."""
    response = client.get("/fr/clusters/")
    assert "Cookie" in response["Vary"]
    assert "Accept-Language" not in response["Vary"]


def test_the_admin_speaks_the_language_the_person_chose(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    response = client.get("/admin/login/", follow=True)

    # The admin's sign-in goes to the site's, in the person's language.
    assert response.redirect_chain[-1][0].startswith("/fr/accounts/login/")
    assert '<html lang="fr"' in response.content.decode()


def test_a_sitemap_page_reads_only_the_rows_it_shows(rf):
    from django.contrib.sites.requests import RequestSite
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.sitemaps import SITEMAPS

    for n in range(5):
        CityFactory(slug=f"city-{n}", name=f"City {n}")
    sitemap = copy.copy(SITEMAPS["cities"])
    sitemap.limit = 6 * 2  # two cities in six languages per page

    with CaptureQueriesContext(connection) as queries:
        urls = sitemap.get_urls(page=2, site=RequestSite(rf.get("/")), protocol="http")

    locations = [url["location"] for url in urls]
    assert len(locations) == 12
    assert {location.split("/cities/")[1] for location in locations} == {"city-2/", "city-3/"}
    assert any("LIMIT 2 OFFSET 2" in query["sql"] for query in queries.captured_queries)


def test_a_path_loses_only_a_language_prefix():
    from core.i18n import path_without_language

    assert path_without_language("/fr/accounts/2fa/") == "/accounts/2fa/"
    assert path_without_language("/zh-hans/") == "/"
    assert path_without_language("/fr") == "/"
    assert path_without_language("/events/fr/") == "/events/fr/"
    assert path_without_language("/accounts/2fa/") == "/accounts/2fa/"
