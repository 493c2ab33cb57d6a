"""Suggestions load only the fields they show, and show the same as from whole rows."""

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core import suggestions as registry
from matchmaking.selectors import matches_for_city
from tests.factories import OpportunityFactory


def _shown(suggestion) -> tuple:
    return (
        suggestion.kind,
        suggestion.title,
        suggestion.url,
        suggestion.reasons,
        suggestion.propose_url,
    )


def _whole_rows(source):
    """The source with its public objects loaded whole, as they were before."""

    def whole(ids):
        found = source.public_objects(ids)
        model = type(next(iter(found.values()))) if found else None
        if model is None:
            return found
        return {obj.pk: obj for obj in model._default_manager.filter(pk__in=list(found))}

    return dataclasses.replace(source, public_objects=whole)


@pytest.fixture
def every_kind(world):
    """Tripoli's suggestions name a city, a pilot, an event, an organization and an opportunity,
    each written in French only where its type translates: an Arabic page shows the fallback."""
    world.pilot.title_fr, world.pilot.original_language = "Alerte précoce côtière", "fr"
    world.pilot.save()
    world.training.title_fr = "Formation de suivi"
    world.training.save()
    opportunity = OpportunityFactory(cluster=world.drr, title="Early warning fellowship")
    opportunity.topics.set([world.early_warning])
    world.refresh()
    return world


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_each_suggestion_shows_the_same_as_from_whole_rows(every_kind, monkeypatch, language):
    with translation.override(language):
        slim = matches_for_city(every_kind.tripoli, limit=None)
        sources = {kind: _whole_rows(source) for kind, source in registry._SOURCES.items()}
        monkeypatch.setattr(registry, "_SOURCES", sources)
        whole = matches_for_city(every_kind.tripoli, limit=None)

    assert {suggestion.kind for suggestion in slim} == {
        "city",
        "pilot",
        "event",
        "organization",
        "opportunity",
    }
    assert [_shown(suggestion) for suggestion in slim] == [_shown(s) for s in whole]


def test_a_suggestions_object_reads_nothing_it_did_not_load(every_kind):
    suggestions = matches_for_city(every_kind.tripoli, limit=None)

    with CaptureQueriesContext(connection) as captured:
        for suggestion in suggestions:
            str(suggestion.obj)
            suggestion.obj.get_absolute_url()

    assert [q["sql"] for q in captured] == []
    pilot = next(s.obj for s in suggestions if s.kind == "pilot")
    assert "body" in pilot.get_deferred_fields()
