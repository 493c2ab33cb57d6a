"""Search results load only the fields they show, and show the same as from whole rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal import search
from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    OpportunityFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def _one_of_each_type() -> dict:
    """A row of every type, written in French only where the type translates, so that a page
    in another language shows it through the fallback (which reads the other languages'
    columns)."""
    city = CityFactory(name="Tripoli", name_fr="Tripoli", summary_fr="Une ville côtière.")
    french = {"original_language": "fr"}
    return {
        "cluster": ClusterFactory(name_fr="Risques", summary_fr="Un espace.", **french),
        "city": city,
        "project": ProjectFactory(title_fr="Pilote", summary_fr="Deux villes.", **french),
        "event": EventFactory(title_fr="Webinaire", city=city, **french),
        "resource": ResourceFactory(
            title_fr="Boîte à outils", summary_fr="Ce qu'une ville a appris.", **french
        ),
        "partner": OrganizationFactory(
            name="Agence de Tripoli", acronym="AT", description="Une agence.", **french
        ),
        "opportunity": OpportunityFactory(),
    }


def _shown(row) -> tuple:
    return (row.search_title, row.url, row.search_details, row.search_summary)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_each_result_shows_the_same_as_from_its_whole_row_in_one_query(language):
    rows = _one_of_each_type()
    for search_type in search.SEARCH_TYPES:
        row = rows[search_type.key]
        with translation.override(language):
            whole = search._described(search_type, search_type.base_queryset().get(pk=row.pk))
            with CaptureQueriesContext(connection) as captured:
                # Shown as the page shows it: any field the result reads that was not loaded
                # would cost a query of its own here.
                (result,) = search._rows(search_type, [row.pk])
                shown = _shown(result)
        assert len(captured) == 1, (search_type.key, [q["sql"] for q in captured])
        assert shown == _shown(whole), search_type.key
        assert result.search_title


def test_a_result_row_leaves_the_long_texts_unloaded():
    resource = ResourceFactory(body="A long **Markdown** body.")
    (result,) = search._rows(search.SEARCH_TYPES_BY_KEY["resource"], [resource.pk])
    assert "body" in result.get_deferred_fields()
    assert "summary_fr" not in result.get_deferred_fields()
