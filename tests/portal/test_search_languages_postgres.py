"""On PostgreSQL search reads every language's columns with that language's stemmer and unaccent,
and a query with no or few results is corrected from the names of cities, clusters, pilots and
tags: what an official types the way they know it finds the Tripoli-Shenzhen pilot."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from portal import search
from portal.demo import data
from tests.factories import CityFactory, ProjectFactory, ResourceFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

PILOT_TITLE = (
    "South-South and Triangular Cooperation for Sustainable Disaster Risk Governance in Lebanon"
)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def _page(client, query, language="en", **params):
    response = client.get(
        reverse("portal:search"), {"q": query, **params}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return response


def _found(response) -> dict[str, list[str]]:
    outcome = response.context["outcome"]
    return {
        group.key: [result.slug for result in group.results]
        for group in outcome.groups
        if group.results
    }


@pytest.mark.parametrize(("typed", "corrected"), [("Tripolli", "Tripoli"), ("Shenzen", "Shenzhen")])
def test_a_misspelt_city_shows_the_pilot_with_a_did_you_mean_line(client, demo, typed, corrected):
    response = _page(client, typed)

    outcome = response.context["outcome"]
    assert outcome.corrected_from == typed
    assert outcome.suggestion == corrected
    assert data.LEBANON_PILOT in _found(response)["project"]
    html = response.content.decode()
    assert f"Did you mean “{corrected}”?" in html
    assert f"?q={typed}&amp;exact=1" in html


def test_a_misspelt_word_among_right_ones_is_corrected(client, demo):
    response = _page(client, "disater risk")

    assert response.context["outcome"].suggestion == "disaster risk"
    assert data.LEBANON_PILOT in _found(response)["project"]


def test_searching_as_typed_shows_no_correction(client, demo):
    response = _page(client, "Tripolli", exact="1")

    assert response.context["outcome"].total == 0
    assert "Did you mean" not in response.content.decode()


def test_a_query_that_finds_enough_is_not_corrected(client, demo):
    response = _page(client, "Tripoli")

    assert response.context["outcome"].suggestion == ""
    assert "Did you mean" not in response.content.decode()


def test_a_query_with_few_results_offers_the_correction_as_a_link():
    # A resource's words are not in the dictionary: only names are.
    ResourceFactory(title="Tripolli fishermen's cooperative")
    ProjectFactory(title="Tripoli coastal resilience", slug="tripoli-coast")
    ProjectFactory(title="Tripoli old souks", slug="tripoli-souks")

    outcome = search.search_forgiving(query="Tripolli", filters=search.SearchFilters())

    assert outcome.total == 1
    assert outcome.suggestion == "Tripoli"
    assert outcome.corrected_from == ""


@pytest.mark.parametrize(
    ("query", "language"),
    [("طرابلس", "ar"), ("طرابلس", "en"), ("深圳", "zh-hans"), ("深圳", "fr")],
)
def test_a_name_in_arabic_or_chinese_finds_the_pilot_and_its_city(client, demo, query, language):
    found = _found(_page(client, query, language))

    assert data.LEBANON_PILOT in found["project"]
    assert {"tripoli-lebanon", "shenzhen"} & set(found["city"])


@pytest.mark.parametrize("query", ["santé", "sante", "SANTÉ"])
def test_a_french_word_is_found_with_or_without_its_accent(client, demo, query):
    found = _found(_page(client, query, "fr"))

    assert "beirut" in found["city"]  # "ses services de santé"
    assert data.COVID in found["cluster"]


def test_a_french_word_finds_the_french_plural_through_the_french_stemmer(client):
    ProjectFactory(
        title="Coastal flood early warning",
        slug="coastal-flood",
        title_fr="Alerte précoce aux inondations côtières",
    )
    ProjectFactory(title="Heat action plans", slug="heat")

    found = _found(_page(client, "inondation", "fr"))

    assert found["project"] == ["coastal-flood"]
    # The same query from a reader of the English pages finds the French text too.
    assert _found(_page(client, "inondation", "en"))["project"] == ["coastal-flood"]


@pytest.mark.parametrize(("query", "language"), [("inondation", "fr"), ("فيضان", "ar")])
def test_a_flood_named_in_french_or_arabic_finds_tripoli_in_the_demo(client, demo, query, language):
    # Tripoli faces floods (its hazards); narrowed to Lebanon as a reader would.
    response = _page(client, query, language, type="city", country="LB")

    assert "tripoli-lebanon" in _found(response)["city"]


def test_a_chinese_word_is_found_inside_a_sentence_without_spaces(client):
    CityFactory(name="Shenzhen", slug="shenzhen", summary_zh_hans="深圳是中国南方的一座城市。")

    assert _found(_page(client, "中国南方", "zh-hans"))["city"] == ["shenzhen"]


def test_a_word_left_out_stays_out_in_every_language(client):
    ProjectFactory(title="Landslide mapping with drones", slug="drones")
    ProjectFactory(title="Landslide mapping on foot", slug="foot")

    assert _found(_page(client, "landslide -drones", "fr"))["project"] == ["foot"]


def test_the_names_dictionary_holds_every_language_and_never_the_resources(demo):
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM search_word")
        words = {row[0] for row in cursor.fetchall()}

    assert {"Tripoli", "طرابلس", "深圳", "Shenzhen", "Disaster"} <= words
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'clusters_resource_search_words'"
        )
        assert cursor.fetchone()[0] == 0
