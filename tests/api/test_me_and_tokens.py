"""A signed-in person sees who they are and manages one personal API token."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db


def test_it_describes_the_signed_in_person_with_roles_city_and_organization(cast):
    official = cast.client_for("official").get("/api/v1/me/").json()
    partner = cast.client_for("partner").get("/api/v1/me/").json()

    assert official["roles"] == ["City official"]
    assert official["city"] == "tripoli"
    assert partner["organization"] == cast.partner.organization.slug
    assert partner["has_api_token"] is False


def test_it_asks_anonymous_visitors_to_authenticate(api):
    response = api.get("/api/v1/me/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert error_of(response)["code"] == "not_authenticated"


def test_it_creates_a_token_that_authenticates_and_rotating_it_retires_the_old_one(cast):
    client = cast.client_for("plain")
    first = client.post("/api/v1/me/token/").json()["key"]
    second = client.post("/api/v1/me/token/").json()["key"]

    with_new, with_old = APIClient(), APIClient()
    with_new.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    with_old.credentials(HTTP_AUTHORIZATION=f"Token {first}")

    assert with_new.get("/api/v1/me/").json()["email"] == cast.plain.email
    assert with_old.get("/api/v1/me/").status_code == 401


def test_it_revokes_the_token(cast):
    client = cast.client_for("plain")
    key = client.post("/api/v1/me/token/").json()["key"]

    assert client.delete("/api/v1/me/token/").status_code == 204

    token_client = APIClient()
    token_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert token_client.get("/api/v1/me/").status_code == 401
    assert not Token.objects.exists()


def test_it_refuses_token_management_to_anonymous_visitors(api):
    assert api.post("/api/v1/me/token/").status_code == 401
    assert api.delete("/api/v1/me/token/").status_code == 401


def test_it_offers_a_token_page_with_create_and_revoke_buttons(cast, client):
    client.force_login(cast.plain)

    empty = client.get("/api/tokens/")
    created = client.post("/api/tokens/", {"action": "create"}, follow=True)
    key = Token.objects.get(user=cast.plain).key
    revoked = client.post("/api/tokens/", {"action": "revoke", "confirmed": "yes"}, follow=True)

    assert b"Create a token" in empty.content
    assert key.encode() in created.content
    assert created["Cache-Control"].startswith("max-age=0")
    assert b"Revoke it" in created.content
    assert not Token.objects.exists()
    assert b"You have no token." in revoked.content


def test_reloading_the_token_page_neither_replaces_the_token_nor_shows_it_again(cast, client):
    client.force_login(cast.plain)
    created = client.post("/api/tokens/", {"action": "create"})
    key = Token.objects.get(user=cast.plain).key

    shown = client.get(created["Location"])
    reloaded = client.get("/api/tokens/")

    assert created.status_code == 302
    assert key.encode() in shown.content
    assert key.encode() not in reloaded.content
    assert Token.objects.get(user=cast.plain).key == key


@pytest.mark.parametrize("action", ["", "bogus"])
def test_an_unknown_action_leaves_the_token_as_it_was(cast, client, action):
    client.force_login(cast.plain)
    client.post("/api/tokens/", {"action": "create"})
    key = Token.objects.get(user=cast.plain).key

    response = client.post("/api/tokens/", {"action": action}, follow=True)

    assert Token.objects.get(user=cast.plain).key == key
    assert b"Choose to create, replace or revoke your token." in response.content


@pytest.mark.parametrize(
    ("action", "asked", "button"),
    [
        ("rotate", "Replace your API token?", "Replace my token"),
        ("revoke", "Revoke your API token?", "Revoke my token"),
    ],
)
def test_replacing_or_revoking_a_token_is_confirmed_first(cast, client, action, asked, button):
    client.force_login(cast.plain)
    client.post("/api/tokens/", {"action": "create"})
    key = Token.objects.get(user=cast.plain).key

    page = client.get("/api/tokens/").content.decode()
    unconfirmed = client.post("/api/tokens/", {"action": action})
    confirmation = client.get(unconfirmed["Location"]).content.decode()

    # The page's buttons lead to the question; a POST from an older page is asked it too.
    assert f'href="?confirm={action}"' in page
    assert unconfirmed["Location"] == f"/api/tokens/?confirm={action}"
    assert Token.objects.get(user=cast.plain).key == key
    assert asked in confirmation and button in confirmation
    assert 'name="confirmed" value="yes"' in confirmation
    assert 'href="/api/tokens/">Keep my token</a>' in confirmation

    done = client.post("/api/tokens/", {"action": action, "confirmed": "yes"})

    assert done["Location"] == "/api/tokens/"
    assert not Token.objects.filter(key=key).exists()
    assert Token.objects.filter(user=cast.plain).exists() == (action == "rotate")


def test_a_confirmation_is_not_asked_for_a_token_that_does_not_exist(cast, client):
    client.force_login(cast.plain)

    page = client.get("/api/tokens/?confirm=revoke").content.decode()

    assert "Revoke your API token?" not in page
    assert "You have no token." in page


def test_it_sends_anonymous_visitors_of_the_token_page_to_sign_in(client, db):
    response = client.get("/api/tokens/")

    assert response.status_code == 302
