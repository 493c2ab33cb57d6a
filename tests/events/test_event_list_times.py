"""The events list's left column: each event's day and hour in the visitor's time zone."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

NOON_UTC = dt.datetime(2099, 3, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def webinar():
    return EventFactory(
        title="Risk governance webinar",
        starts_at=NOON_UTC,
        ends_at=NOON_UTC + dt.timedelta(hours=2),
        time_zone="Asia/Beirut",
    )


def _date_column(html):
    return re.search(r'<p class="event-date">(.*?)</p>', html, re.S).group(1)


def test_it_shows_the_day_and_hour_in_utc_without_a_cookie(client, webinar):
    column = _date_column(client.get(reverse("events:list")).text)

    assert '<time datetime="2099-03-10T12:00:00+00:00">March 10, 2099</time>' in column
    assert '<span class="event-time">noon</span>' in column


def test_it_moves_the_day_and_hour_to_the_visitors_zone(client, webinar):
    client.cookies["tz"] = "Pacific/Kiritimati"  # UTC+14: already the next day

    column = _date_column(client.get(reverse("events:list")).text)

    assert '<time datetime="2099-03-11T02:00:00+14:00">March 11, 2099</time>' in column
    assert '<span class="event-time">2 a.m.</span>' in column


def test_the_day_is_written_in_the_pages_language(client, webinar):
    column = _date_column(client.get("/fr" + reverse("events:list")).text)

    assert "10 mars 2099" in column
