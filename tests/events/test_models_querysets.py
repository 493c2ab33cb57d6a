import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from events.models import Event
from tests.factories import EventFactory


def event_starting(delta, hours=2, **fields):
    starts_at = timezone.now() + delta
    return EventFactory(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours), **fields
    )


@pytest.mark.django_db
def test_it_lists_upcoming_events_soonest_first_including_one_under_way():
    later = event_starting(dt.timedelta(days=30))
    sooner = event_starting(dt.timedelta(days=2))
    under_way = event_starting(dt.timedelta(hours=-1))
    event_starting(dt.timedelta(days=-3))

    assert list(Event.objects.upcoming()) == [under_way, sooner, later]


@pytest.mark.django_db
def test_it_lists_past_events_most_recent_first():
    long_ago = event_starting(dt.timedelta(days=-400))
    last_week = event_starting(dt.timedelta(days=-7))
    event_starting(dt.timedelta(days=1))
    event_starting(dt.timedelta(hours=-1))

    assert list(Event.objects.past()) == [last_week, long_ago]


@pytest.mark.django_db
def test_it_combines_upcoming_with_published():
    public = event_starting(dt.timedelta(days=2))
    event_starting(dt.timedelta(days=3), status=PublicationStatus.DRAFT, published_at=None)
    event_starting(dt.timedelta(days=4), published_at=timezone.now() + dt.timedelta(days=1))

    assert list(Event.objects.published().upcoming()) == [public]
