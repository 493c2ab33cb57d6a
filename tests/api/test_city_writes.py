"""A city official keeps their own city's profile current, and no other city's."""

import pytest

from tests.api.conftest import ROLES, error_of

pytestmark = pytest.mark.django_db

EXPECTED = dict.fromkeys(ROLES, 403) | {"anonymous": 401, "official": 200, "staff": 200}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_the_city_own_officials_update_its_profile(cast, role):
    response = cast.client_for(role).patch(
        "/api/v1/cities/tripoli/",
        {"summary": "Port city in northern Lebanon.", "hazards": ["flood", "earthquake"]},
        format="json",
    )

    cast.city.refresh_from_db()
    assert response.status_code == EXPECTED[role], response.content
    if response.status_code == 200:
        assert cast.city.summary == "Port city in northern Lebanon."
        assert sorted(response.json()["hazards"]) == ["earthquake", "flood"]
    else:
        assert cast.city.summary == "A coastal city."
        assert list(cast.city.hazards.all()) == []


def test_it_keeps_the_name_and_place_of_a_city_out_of_an_official_s_hands(cast):
    response = cast.client_for("official").patch(
        "/api/v1/cities/tripoli/", {"name": "Renamed", "country": "FR"}, format="json"
    )

    cast.city.refresh_from_db()
    assert response.status_code == 200
    assert (cast.city.name, cast.city.country.code) == ("Tripoli", "LB")


def test_it_refuses_put_and_delete_on_cities(cast):
    client = cast.client_for("staff")

    assert client.put("/api/v1/cities/tripoli/", {}, format="json").status_code == 405
    response = client.delete("/api/v1/cities/tripoli/")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


def test_hazards_sent_in_any_language_are_stored_by_their_key(cast):
    """The API writes through the same service as the form: "فيضان" and "Séisme" are flood and
    earthquake on every page and in the hazard search; an unknown hazard stays as sent."""
    response = cast.client_for("official").patch(
        "/api/v1/cities/tripoli/", {"hazards": ["فيضان", "Séisme", "sandstorm"]}, format="json"
    )

    assert response.status_code == 200, response.content
    assert sorted(cast.city.hazards.names()) == ["earthquake", "flood", "sandstorm"]


def test_a_text_sent_with_crlf_line_breaks_is_stored_with_lf_as_the_forms_store_it(cast):
    # Stored as sent, it differed from what the form sends back: saved again unchanged, the
    # text counted as changed and added a revision.
    response = cast.client_for("official").patch(
        "/api/v1/cities/tripoli/",
        {"description": "Port city.\r\n\r\nOld souks.", "summary": "North\r\nLebanon"},
        format="json",
    )

    assert response.status_code == 200, response.content
    cast.city.refresh_from_db()
    assert cast.city.description == "Port city.\n\nOld souks."
    assert cast.city.summary == "North\nLebanon"
