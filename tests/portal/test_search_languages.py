"""Search finds content in the reader's language and in the original, on either database (SQLite
matches substrings of every language's columns), for the same number of queries in every
language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import CityFactory, OrganizationFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru"]


def _get(client, query, language, **params):
    # The page's language is the one of its address (/fr/search/...).
    with translation.override(language):
        address = reverse("portal:search")
    return client.get(address, {"q": query, **params})


def _project_slugs(client, query, language) -> list[str]:
    response = _get(client, query, language, type="project")
    assert response.status_code == 200
    return [result.slug for result in response.context["outcome"].groups[0].results]


def test_it_finds_the_translation_in_the_readers_language_and_the_original_in_any(client):
    ProjectFactory(
        title="Coastal flood early warning",
        slug="coastal-flood",
        title_fr="Alerte précoce aux inondations côtières",
    )
    ProjectFactory(title="Heat action plans", slug="heat")

    assert _project_slugs(client, "inondations", "fr") == ["coastal-flood"]
    assert _project_slugs(client, "coastal", "fr") == ["coastal-flood"]
    assert _project_slugs(client, "coastal", "ar") == ["coastal-flood"]
    # The title shown is the reader's language's.
    response = _get(client, "coastal", "fr", type="project")
    assert "Alerte précoce aux inondations côtières" in response.content.decode()


def test_it_finds_an_original_written_in_another_language(client):
    ProjectFactory(
        title="Apprendre de Shenzhen",
        title_fr="Apprendre de Shenzhen",
        original_language="fr",
        slug="apprendre",
    )

    assert _project_slugs(client, "apprendre", "en") == ["apprendre"]


def _make_content(size, offset):
    for number in range(offset, offset + size):
        city = CityFactory(
            name=f"Monsoon city {number}",
            name_fr=f"Ville de la mousson {number}",
            name_ar=f"مدينة الرياح الموسمية {number}",
            slug=f"monsoon-city-{number}",
        )
        ProjectFactory(title=f"Monsoon pilot {number}", title_fr=f"Pilote mousson {number}")
        ResourceFactory(title=f"Monsoon toolkit {number}", title_ar=f"أدوات الرياح {number}")
        assert city.pk


def _count(client, query, language, **params) -> int:
    cache.clear()  # each on an emptied cache, as the bench counts
    with CaptureQueriesContext(connection) as captured:
        response = _get(client, query, language, **params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"type": "project"}])
def test_the_search_page_costs_the_same_queries_in_every_language(client, params):
    _make_content(2, offset=0)
    few = {language: _count(client, "monsoon", language, **params) for language in LANGUAGES}

    _make_content(12, offset=100)
    many = {language: _count(client, "monsoon", language, **params) for language in LANGUAGES}

    assert len(set(few.values()) | set(many.values())) == 1, (few, many)


def test_a_query_that_finds_nothing_costs_the_same_in_every_language(client):
    _make_content(2, offset=0)

    counts = {language: _count(client, "xylophone", language) for language in LANGUAGES}

    assert len(set(counts.values())) == 1, counts


def test_an_untranslated_result_is_marked_with_its_own_language_on_an_arabic_page(client):
    ResourceFactory(
        title="Monsoon toolkit",
        summary="Drills for schools.",
        title_ar="أدوات موسم الأمطار",
    )
    OrganizationFactory(name="Monsoon network", acronym="MN", description="Volunteers for floods.")

    page = _get(client, "monsoon", "ar").content.decode()

    # Translated: as it is. Not yet translated: the English text runs left to right, full stop
    # at its end, inside its own lang and dir.
    assert "أدوات موسم الأمطار" in page
    assert '<p lang="en" dir="ltr">Drills for schools.</p>' in page
    assert '<span lang="en" dir="ltr">Monsoon network (MN)</span>' in page
    assert '<p lang="en" dir="ltr">Volunteers for floods.</p>' in page
    assert '<span lang="en" dir="ltr">Monsoon toolkit</span>' not in page


def test_an_english_page_marks_nothing(client):
    ResourceFactory(title="Monsoon toolkit", summary="Drills for schools.")

    page = _get(client, "monsoon", "en").content.decode()

    assert "Drills for schools." in page
    assert 'lang="en" dir="ltr">Drills' not in page


@pytest.mark.parametrize(
    ("query", "language"),
    [("inondation", "fr"), ("inundaciones", "es"), ("الفيضان", "ar"), ("洪水", "zh-hans"), ("floods", "en")],
)  # fmt: skip
def test_a_hazard_named_in_any_language_finds_the_cities_that_face_it(client, query, language):
    CityFactory(name="Tripoli", slug="tripoli").hazards.add("flood", "earthquake")
    CityFactory(name="Aswan", slug="aswan").hazards.add("heatwave")

    response = _get(client, query, language, type="city")

    assert response.status_code == 200
    assert [city.slug for city in response.context["outcome"].groups[0].results] == ["tripoli"]


def test_the_page_says_in_the_readers_language_which_hazards_it_listed_cities_for(client):
    CityFactory(name="Tripoli", slug="tripoli").hazards.add("flood")

    french = _get(client, "inondations à Tripoli", "fr").content.decode()
    english = _get(client, "Tripoli", "en").content.decode()

    assert "Les villes exposées à ces risques sont aussi listées : inondation." in french
    assert "search-hazards" not in english  # no hazard named: no such line
