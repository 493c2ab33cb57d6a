"""Anonymous pages can be cached for a minute and revalidated; signed-in pages never are."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_lets_anonymous_pages_be_cached_publicly_for_a_minute(client):
    response = client.get("/clusters/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in response["Vary"]
    assert "Accept-Language" in response["Vary"]
    assert response.has_header("ETag")


def test_it_answers_304_when_the_page_has_not_changed(client):
    first = client.get("/cities/")
    second = client.get("/cities/", headers={"if-none-match": first["ETag"]})
    assert second.status_code == 304


def test_it_keeps_signed_in_pages_private(client):
    client.force_login(UserFactory())
    response = client.get("/clusters/")
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_it_never_caches_the_health_check(client):
    response = client.get("/healthz")
    assert "public" not in response.get("Cache-Control", "")
