"""Open opportunities a city may apply to are suggested for the topics their tags name."""

import datetime as dt

import pytest
from django.utils import timezone

from matchmaking.models import CityMatch
from opportunities.suggestions import tag_answers
from tests.factories import OpportunityFactory


def _opportunity(**fields):
    opportunity = OpportunityFactory(**fields)
    opportunity.tags.set(["early warning", "gardening"])
    return opportunity


def _suggested(world):
    return set(
        CityMatch.objects.filter(city=world.tripoli, kind="opportunity").values_list(
            "target_id", flat=True
        )
    )


@pytest.mark.parametrize(
    ("tag", "topic", "answers"),
    [
        ("early warning", "Early warning systems", True),
        ("Early  Warning Systems", "Early warning systems", True),
        ("warning", "Early warning systems", False),
        ("early warning systems for ports", "Early warning systems", True),
        ("", "Early warning systems", False),
    ],
)
def test_a_tag_answers_a_topic_by_its_name_or_first_words(tag, topic, answers):
    assert tag_answers(tag, topic) is answers


def test_an_open_opportunity_for_the_citys_region_is_suggested_with_its_deadline(client, world):
    fellowship = _opportunity(title="Early warning fellowship", eligible_regions=["arab_states"])

    world.refresh()

    row = CityMatch.objects.get(city=world.tripoli, kind="opportunity")
    assert row.target_id == fellowship.pk
    assert row.score_parts == {"topic": 10, "eligible": 3}
    page = client.get("/cities/tripoli/").content.decode()
    assert "Early warning fellowship is open to Tripoli and covers early warning systems" in page
    assert "apply by" in page


def test_closed_drafts_and_other_regions_or_countries_are_not_suggested(world):
    _opportunity(deadline=timezone.now() - dt.timedelta(days=1))
    _opportunity(status="draft", published_at=None)
    _opportunity(eligible_regions=["africa"])
    _opportunity(eligible_countries=["KE"])

    world.refresh()

    assert _suggested(world) == set()


def test_an_opportunity_open_to_the_citys_country_is_suggested(world):
    fellowship = _opportunity(eligible_countries=["LB"])

    world.refresh()

    assert _suggested(world) == {fellowship.pk}
