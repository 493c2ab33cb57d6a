"""Another app suggests through core.suggestions without importing matchmaking."""

import pytest
from django.urls import reverse

from core import suggestions
from core.suggestions import Candidate, SuggestionSource
from matchmaking.models import CityMatch


class Fellowship:
    def __init__(self, pk):
        self.pk, self.title = pk, "Disaster risk fellowship in Shenzhen"

    def get_absolute_url(self):
        return reverse("cities:list") + f"?fellowship={self.pk}"


@pytest.fixture
def fellowships(monkeypatch):
    source = SuggestionSource(
        kind="opportunity",
        label="Opportunities",
        candidates=lambda needs: [
            Candidate(
                target_id=77,
                verb="open_to",
                name="The DRR fellowship",
                topic_ids=frozenset(needs.need_topics),
                signals={"eligible": 1},
                extra_reasons=[{"code": "deadline", "date": "2027-05-31"}],
            )
        ],
        public_objects=lambda ids: {pk: Fellowship(pk) for pk in ids},
        order=50,
    )
    monkeypatch.setitem(suggestions._SOURCES, "opportunity", source)
    return source


def test_a_registered_source_is_scored_stored_and_shown_with_its_reasons(
    client, world, fellowships
):
    world.refresh()

    row = CityMatch.objects.get(city=world.tripoli, kind="opportunity")
    assert row.score_parts == {"topic": 20, "eligible": 3}
    page = client.get("/cities/tripoli/").content.decode()
    assert "Disaster risk fellowship in Shenzhen" in page
    # The reason names the object as it reads now (its title), not as the refresh stored it.
    assert (
        "Disaster risk fellowship in Shenzhen is open to Tripoli and covers early warning systems"
        in page
    )
    assert "apply by May 31, 2027" in page


def test_a_source_that_changes_asks_for_a_refresh_on_commit(
    world, fellowships, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        suggestions.suggestions_changed(topic_ids=[world.early_warning.pk])

    assert CityMatch.objects.filter(city=world.tripoli, kind="opportunity").exists()
