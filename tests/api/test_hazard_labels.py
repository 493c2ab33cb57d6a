"""A city's hazards in the API: the tags as typed (what a write sends back) and, beside them,
their names in the language asked for."""

import pytest

from tests.api.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli(cast):
    cast.city.hazards.add("flood", "earthquake", "sandstorm")
    return cast.city


def _city(response):
    [city] = [c for c in response.json()["results"] if c["slug"] == "tripoli"]
    return city


def test_french_labels_beside_the_typed_names(api, tripoli):
    city = _city(api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="fr"))

    assert city["hazards"] == ["earthquake", "flood", "sandstorm"]
    assert city["hazard_labels"] == [
        {"name": "earthquake", "label": "séisme"},
        {"name": "flood", "label": "inondation"},
        {"name": "sandstorm", "label": "sandstorm"},  # no translation: as typed
    ]


def test_arabic_labels_with_the_lang_parameter(api, tripoli):
    response = api.get("/api/v1/cities/tripoli/?lang=ar", HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Content-Language"] == "ar"
    assert response.json()["hazard_labels"] == [
        {"name": "earthquake", "label": "زلزال"},
        {"name": "flood", "label": "فيضان"},
        {"name": "sandstorm", "label": "sandstorm"},
    ]
    assert response.json()["hazards"] == ["earthquake", "flood", "sandstorm"]


def test_english_labels_are_the_names(api, tripoli):
    city = api.get("/api/v1/cities/tripoli/").json()

    assert [item["label"] for item in city["hazard_labels"]] == city["hazards"]


@pytest.mark.parametrize("role", ["official", "staff"])
def test_sending_back_what_was_read_changes_nothing_and_labels_are_not_written(cast, role, tripoli):
    client = cast.client_for(role)
    read = client.get("/api/v1/cities/tripoli/?lang=fr").json()

    response = client.patch(
        "/api/v1/cities/tripoli/?lang=fr",
        {
            "hazards": read["hazards"],
            "hazard_labels": [{"name": "drought", "label": "sécheresse"}],
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    assert sorted(tag.name for tag in tripoli.hazards.all()) == ["earthquake", "flood", "sandstorm"]
    assert response.json()["hazard_labels"] == read["hazard_labels"]


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("official", "staff")])
def test_others_cannot_write_hazards(cast, role, tripoli):
    response = cast.client_for(role).patch(
        "/api/v1/cities/tripoli/", {"hazards": ["drought"]}, format="json"
    )

    assert response.status_code in (401, 403)
    assert sorted(tag.name for tag in tripoli.hazards.all()) == ["earthquake", "flood", "sandstorm"]


def test_the_schema_documents_the_read_only_labels():
    from drf_spectacular.generators import SchemaGenerator

    schemas = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]

    field = schemas["City"]["properties"]["hazard_labels"]
    assert field["readOnly"] is True
    assert field["items"] == {"$ref": "#/components/schemas/HazardLabel"}
    assert "Accept-Language" in field["description"]
    assert set(schemas["HazardLabel"]["properties"]) == {"name", "label"}
    assert "hazard_labels" not in schemas.get("PatchedCityRequest", {}).get("properties", {})
