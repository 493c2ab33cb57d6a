"""The list pages' city filter: a box that takes a city's slug or its name in any language, with
suggestions from /cities/names/, instead of a select of every city."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CityFactory, ProjectCityFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli():
    return CityFactory(
        name="Tripoli", name_fr="Tripoli", name_ar="طرابلس", slug="tripoli-lebanon", country="LB"
    )


def titles(response):
    return [item.title for item in response.context["resources"]]


def test_the_library_offers_a_box_not_a_list_of_every_city(client, tripoli):
    CityFactory.create_batch(30)

    html = client.get("/resources/").content.decode()

    assert 'name="city" list="city-options"' in html
    assert '<datalist id="city-options"></datalist>' in html
    assert "js/suggestions.js" in html
    assert 'data-suggestions="/cities/names/" data-suggestions-key="cities"' in html
    assert "Tripoli" not in html
    assert html.count("<option") < 20


@pytest.mark.parametrize("typed", ["tripoli-lebanon", "Tripoli", "tripoli", " طرابلس "])
def test_a_city_is_found_by_its_slug_or_its_name_in_any_language(client, tripoli, typed):
    about = ResourceFactory(title="Flood maps of the Abou Ali river")
    about.cities.add(tripoli)
    ResourceFactory(title="Elsewhere")

    response = client.get("/resources/", {"city": typed})

    assert titles(response) == ["Flood maps of the Abou Ali river"]


def test_a_name_no_city_bears_is_explained_and_the_list_stays(client, tripoli):
    ResourceFactory(title="Still listed")

    html = client.get("/resources/?city=Atlantis").content.decode()

    assert "No city is called Atlantis." in html
    assert "Still listed" in html


def test_a_name_two_cities_bear_asks_to_choose_one(client, tripoli):
    CityFactory(name="Tripoli", slug="tripoli-libya", country="LY")
    pilot = ProjectFactory(title="Listed whatever the filter")
    ProjectCityFactory(project=pilot, city=tripoli)

    html = client.get("/projects/?city=tripoli").content.decode()

    assert "Several cities are called tripoli: choose one from the suggestions." in html
    assert "Listed whatever the filter" in html


def test_suggestions_match_a_name_in_any_language_and_speak_the_readers(client, tripoli):
    CityFactory(name="Tripura", slug="tripura", country="IN")
    CityFactory(name="Shenzhen", slug="shenzhen", country="CN")

    arabic = client.get("/ar/cities/names/", {"q": "طرا"}).json()["cities"]
    french = client.get("/fr/cities/names/", {"q": "TRIP"}).json()["cities"]

    assert arabic == [
        {"slug": "tripoli-lebanon", "name": "طرابلس", "country": "لبنان", "label": "طرابلس، لبنان"}
    ]
    assert [(city["slug"], city["name"], city["country"]) for city in french] == [
        ("tripoli-lebanon", "Tripoli", "Liban"),
        ("tripura", "Tripura", "Inde"),
    ]


def test_a_name_typed_in_another_language_leads_the_label_so_the_browser_offers_it(client):
    CityFactory(name="Shenzhen", name_zh_hans="深圳", slug="shenzhen", country="CN")

    english_page = client.get("/cities/names/", {"q": "深圳"}).json()["cities"]
    chinese_page = client.get("/zh-hans/cities/names/", {"q": "深圳"}).json()["cities"]
    typed_in_the_page_language = client.get("/cities/names/", {"q": "shen"}).json()["cities"]

    assert [city["label"] for city in english_page] == ["深圳 — Shenzhen, China"]
    assert [city["label"] for city in chinese_page] == ["深圳，中国"]
    assert [city["label"] for city in typed_in_the_page_language] == ["Shenzhen, China"]


def test_suggestions_are_few_and_need_something_typed(client):
    for number in range(12):
        CityFactory(name=f"Santa Ana {number}")

    assert len(client.get("/cities/names/", {"q": "santa"}).json()["cities"]) == 10
    assert client.get("/cities/names/", {"q": "  "}).json() == {"cities": []}
    assert client.get("/cities/names/").status_code == 200


def _queries_for_suggestions(client, count):
    for number in range(count):
        CityFactory(name=f"Port {count}-{number}")
    with CaptureQueriesContext(connection) as queries:
        found = client.get("/cities/names/", {"q": f"port {count}-"}).json()["cities"]
    assert len(found) == min(count, 10)
    return len(queries)


def test_suggestions_cost_the_same_queries_for_few_or_many_cities(client):
    assert _queries_for_suggestions(client, 2) == _queries_for_suggestions(client, 14)


def test_control_characters_and_spaces_alone_get_an_answer_not_an_error_page(client, tripoli):
    ResourceFactory(title="Still listed")

    named = client.get("/resources/", {"city": "tri\x00poli"})
    blank = client.get("/resources/", {"city": "   "})
    api = client.get("/api/v1/resources/", {"city": "tri\x00poli"})

    assert named.status_code == 200
    assert "No city is called tri poli." in named.content.decode()
    assert titles(blank) == ["Still listed"]
    assert api.status_code == 400
    assert client.get("/cities/names/", {"q": "tri\x00poli"}).json() == {"cities": []}
