"""A misspelt name is corrected on either database: PostgreSQL reads its names' dictionary with
trigrams (test_search_languages_postgres.py), the embedded database of `make run` compares the
same names' words in Python."""

import pytest
from django.urls import reverse

from portal import search
from tests.factories import CityFactory, ClusterFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_misspelt_city_shows_what_its_right_spelling_finds_with_a_did_you_mean_line(client):
    CityFactory(name="Tripoli", slug="tripoli")
    ProjectFactory(title="Tripoli coastal resilience", slug="tripoli-coast")

    response = client.get(reverse("portal:search"), {"q": "Tripolli"})

    outcome = response.context["outcome"]
    assert (outcome.corrected_from, outcome.suggestion) == ("Tripolli", "Tripoli")
    found = {result.slug for group in outcome.groups for result in group.results}
    assert {"tripoli", "tripoli-coast"} <= found
    assert "Did you mean “Tripoli”?" in response.content.decode()


def test_only_the_words_the_names_lack_are_replaced_keeping_the_typed_case():
    ClusterFactory(name="Disaster Risk Reduction")

    assert search.corrected_from_names("disater risk") == "disaster risk"
    assert search.corrected_from_names("Disaster risk") == ""
    assert search.corrected_from_names("xylophone") == ""
