"""The demo tells the story: Tripoli needs what Shenzhen and NDRCC offer, and the portal says so."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from cities.models import City
from portal.demo import data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_tripolis_page_suggests_shenzhen_for_early_warning_and_the_follow_up_training(client):
    page = _page(client, "/cities/tripoli-lebanon/")

    block = page[page.index('id="suggestions"') : page.index('id="pilots-heading"')]
    assert "Suggested for Tripoli" in page
    assert ">Shenzhen</a>" in block
    assert (
        "Shenzhen offers early warning systems and emergency operations, which Tripoli needs"
        in block
    )
    assert "Follow-up training: early warning and emergency operations" in block
    assert "NDRCC offers expertise in early warning systems" in block
    # The open fellowship (an opportunity, through core.suggestions), and not the closed one.
    assert "Disaster risk reduction fellowship in Shenzhen, 2027" in block
    assert "is open to Tripoli and covers" in block
    # The Tripoli-Shenzhen pilot already covers risk governance: not suggested again.
    assert "offers risk governance" not in block


def test_tripolis_page_lists_its_needs_and_shenzhens_lists_its_offers(client):
    tripoli = _page(client, "/cities/tripoli-lebanon/")
    shenzhen = _page(client, "/cities/shenzhen/")

    assert "Warnings that reach the old city and the port." in tripoli
    assert "A city-wide emergency command centre, open to visits." in shenzhen


def test_the_api_lists_shenzhen_among_tripolis_matches_with_its_reason(client):
    response = client.get("/api/v1/cities/tripoli-lebanon/matches/")

    assert response.status_code == 200
    body = response.json()
    shenzhen = next(item for item in body["results"] if item["title"] == "Shenzhen")
    assert shenzhen["kind"] == "city"
    assert "early warning systems" in shenzhen["reasons"]
    assert shenzhen["topic"]["slug"] == "early-warning-systems"
    assert shenzhen["score"] == sum(shenzhen["score_parts"].values())
    assert shenzhen["url"].endswith("/cities/shenzhen/")
    kinds = {item["kind"] for item in body["results"]}
    assert {"city", "event", "organization"} <= kinds
    assert body["count"] == len(body["results"])


def test_tripolis_official_is_offered_to_propose_an_exchange_with_shenzhen(client):
    client.force_login(User.objects.get(email=data.CITY_OFFICIAL_EMAIL))

    page = _page(client, "/cities/tripoli-lebanon/")

    assert "Propose an exchange" in page
    assert (
        "/collaborate/?city=shenzhen&amp;kind=peer_exchange&amp;from_city=tripoli-lebanon"
        "&amp;topic=early-warning-systems" in page
    )


def test_anonymous_visitors_and_other_cities_are_not_offered_to_propose(client):
    assert "Propose an exchange" not in _page(client, "/cities/tripoli-lebanon/")
    client.force_login(User.objects.get(email=data.CITY_OFFICIAL_EMAIL))
    assert "Propose an exchange" not in _page(client, reverse("cities:detail", args=["beirut"]))


def test_running_load_demo_again_keeps_the_suggestions_and_their_dates():
    tripoli = City.objects.get(slug="tripoli-lebanon")
    before = {(m.kind, m.target_id): m.first_seen_at for m in tripoli.matches.all()}

    call_command("load_demo", stdout=StringIO())

    after = {(m.kind, m.target_id): m.first_seen_at for m in tripoli.matches.all()}
    assert after == before and before


def test_tripolis_official_sees_shenzhen_on_my_portal(client):
    client.force_login(User.objects.get(email=data.CITY_OFFICIAL_EMAIL))

    page = _page(client, "/me/")

    block = page[page.index('id="suggestions"') :]
    assert "Suggested for Tripoli" in block
    assert "Shenzhen offers early warning systems" in block
    assert "Propose an exchange" in block


def test_the_citys_needs_and_offers_name_their_topics_in_the_readers_language(client):
    page = _page(client, "/ar/cities/tripoli-lebanon/")

    assert "نظم الإنذار المبكر" in page  # early warning systems, one of Tripoli's needs
    assert "حوكمة المخاطر" in page  # risk governance
    french = _page(client, "/fr/cities/shenzhen/").replace("&#x27;", "'")
    assert "Systèmes d'alerte précoce" in french  # what Shenzhen offers


def test_the_reasons_name_cities_topics_and_clusters_in_the_readers_language(client):
    page = _page(client, "/ar/cities/tripoli-lebanon/")

    block = page[page.index('id="suggestions"') : page.index('id="pilots-heading"')]
    # Shenzhen offers early warning systems, which Tripoli needs; both are in the cluster...
    assert "شنتشن" in block and "طرابلس" in block
    assert "نظم الإنذار المبكر" in block
    assert "early warning systems" not in block
    assert "Tripoli needs" not in block


def test_the_api_reasons_follow_the_requested_language(client):
    response = client.get("/api/v1/cities/tripoli-lebanon/matches/?lang=fr")

    shenzhen = next(item for item in response.json()["results"] if item["kind"] == "city")
    assert "alerte précoce" in shenzhen["reasons"]
    assert "early warning" not in shenzhen["reasons"]


def test_an_english_note_keeps_its_direction_on_the_arabic_page(client):
    page = _page(client, "/ar/cities/tripoli-lebanon/")

    # Without dir="auto" the full stop of an English note stood at its start in right-to-left.
    assert '<p dir="auto">Warnings that reach the old city and the port.</p>' in page
    assert "<strong><bdi>" in page
