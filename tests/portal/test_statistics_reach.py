"""The statistics show the programme's reach: a training scheduled for later is not counted yet."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.models import EventKind, RegistrationStatus
from portal.statistics import statistics_charts, statistics_figures, statistics_totals
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_training_not_yet_held_is_not_counted():
    now = timezone.now()
    held = EventFactory(kind=EventKind.TRAINING_SESSION, starts_at=now - dt.timedelta(days=400))
    RegistrationFactory(event=held, status=RegistrationStatus.ATTENDED)
    EventFactory(kind=EventKind.WORKSHOP, starts_at=now + dt.timedelta(days=400))

    figures = statistics_figures()
    by_year = {
        row.label: row.values
        for chart in statistics_charts(figures)
        if chart.slug == "trainings-by-year"
        for row in chart.rows
    }

    assert statistics_totals(figures).trainings == 1
    assert by_year == {str(held.starts_at.astimezone(dt.UTC).year): (1, 1)}
