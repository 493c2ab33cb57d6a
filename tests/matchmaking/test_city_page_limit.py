"""A page shows a city's six best suggestions: rows that name what the public may not see are
skipped and the next best read, however many of them rank first."""

import pytest
from django.utils import timezone

from matchmaking.models import CityMatch
from matchmaking.selectors import CITY_PAGE_LIMIT, matches_for_city, suggestions_from_rows
from tests.factories import CityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _match(city, target, score):
    now = timezone.now()
    return CityMatch.objects.create(
        city=city,
        kind="pilot",
        target_id=target.pk,
        score=score,
        score_parts={"topic": score},
        reasons=[],
        first_seen_at=now,
        refreshed_at=now,
    )


def test_withdrawn_pilots_ranked_first_are_skipped_and_the_next_best_shown():
    city = CityFactory()
    # Twenty withdrawn pilots rank above the published ones (withdrawn since the last refresh).
    for number in range(20):
        _match(city, ProjectFactory(status="draft", title=f"Withdrawn {number}"), 100 - number)
    published = [ProjectFactory(title=f"Published {number}") for number in range(8)]
    for number, pilot in enumerate(published):
        _match(city, pilot, 50 - number)

    shown = matches_for_city(city)

    assert [suggestion.title for suggestion in shown] == [
        f"Published {number}" for number in range(CITY_PAGE_LIMIT)
    ]
    assert len(matches_for_city(city, limit=None)) == 8


def test_a_city_with_fewer_suggestions_than_a_page_shows_them_all():
    city = CityFactory()
    for number in range(3):
        _match(city, ProjectFactory(title=f"Pilot {number}"), 10 - number)

    assert [s.title for s in matches_for_city(city)] == ["Pilot 0", "Pilot 1", "Pilot 2"]


def test_rows_become_as_many_suggestions_as_asked_for_the_hidden_ones_left_out():
    city = CityFactory()
    _match(city, ProjectFactory(title="Best"), 10)
    _match(city, ProjectFactory(status="draft", title="Withdrawn"), 9)
    for number in range(3):
        _match(city, ProjectFactory(title=f"Next {number}"), 8 - number)
    rows = CityMatch.objects.filter(city=city).order_by("-score")

    two = suggestions_from_rows(rows, city=city, limit=2)

    assert [suggestion.title for suggestion in two] == ["Best", "Next 0"]
    assert [s.title for s in suggestions_from_rows(rows, city=city)] == [
        "Best",
        "Next 0",
        "Next 1",
        "Next 2",
    ]


def test_a_second_read_fills_in_what_the_first_rows_left_hidden():
    city = CityFactory()
    # Of the first twelve rows read, eight name withdrawn pilots: four shown, two more read.
    for number in range(12):
        status = "draft" if number % 3 else "published"
        _match(city, ProjectFactory(status=status, title=f"Pilot {number:02}"), 100 - number)
    for number in range(12, 16):
        _match(city, ProjectFactory(title=f"Pilot {number:02}"), 100 - number)

    shown = [suggestion.title for suggestion in matches_for_city(city)]

    assert shown == ["Pilot 00", "Pilot 03", "Pilot 06", "Pilot 09", "Pilot 12", "Pilot 13"]


def test_no_suggestion_is_built_when_none_is_asked_for():
    city = CityFactory()
    _match(city, ProjectFactory(), 10)

    assert suggestions_from_rows(CityMatch.objects.filter(city=city), city=city, limit=0) == []
