"""Times show in the visitor's zone: profile, else the browser's cookie, else UTC."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = dt.datetime(2099, 3, 10, 12, 0, tzinfo=dt.UTC)
# Zone names come as the reader knows them, their offset kept left to right (core.time_zones).
LRI, PDI = "\u2066", "\u2069"


@pytest.fixture
def webinar():
    return EventFactory(
        title="Risk governance webinar",
        starts_at=NOON_UTC,
        ends_at=NOON_UTC + dt.timedelta(hours=2),
        time_zone="Asia/Beirut",
    )


def _event_time(html):
    return html.split('class="event-time"')[1].split("</span>\n</span>")[0]


def test_it_shows_utc_without_a_cookie_and_the_event_local_time_beside_it(client, webinar):
    html = _event_time(client.get("/").text)
    assert "noon" in html or "12:00" in html or "12 p.m." in html
    assert f"({LRI}UTC{PDI})" in html
    assert f"2 p.m. local time (Beirut, {LRI}UTC+2{PDI})" in html


def test_it_shifts_times_to_the_zone_in_the_cookie(client, webinar):
    client.cookies["tz"] = "Asia/Tokyo"
    html = _event_time(client.get("/").text)
    assert "9 p.m." in html
    assert f"(Tokyo, {LRI}UTC+9{PDI})" in html


def test_it_ignores_a_cookie_that_is_not_a_time_zone(client, webinar):
    client.cookies["tz"] = "Mars/Olympus_Mons"
    response = client.get("/")
    assert response.status_code == 200
    assert f"({LRI}UTC{PDI})" in _event_time(response.text)


def test_it_prefers_the_signed_in_users_own_time_zone(client, webinar):
    user = UserFactory(time_zone="America/Sao_Paulo")
    client.force_login(user)
    client.cookies["tz"] = "Asia/Tokyo"
    html = _event_time(client.get("/").text)
    assert "9 a.m." in html
    assert f"(São Paulo, {LRI}UTC\u22123{PDI})" in html


def test_the_zones_are_named_in_the_pages_language(client, webinar):
    client.cookies["tz"] = "Africa/Nairobi"

    html = _event_time(client.get("/ar/").text)

    assert f"(نيروبي، {LRI}UTC+3{PDI})" in html
    assert f"(بيروت، {LRI}UTC+2{PDI})" in html
    assert "Africa/Nairobi" not in html
    assert "Asia/Beirut" not in html


def test_it_omits_the_local_time_when_the_visitor_is_in_the_events_zone(client, webinar):
    client.cookies["tz"] = "Asia/Beirut"
    html = _event_time(client.get("/").text)
    assert "local time" not in html


# The events list's left column: each event's day and hour in the visitor's zone.


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


def test_an_event_in_a_zone_we_do_not_know_shows_no_local_time(client, webinar):
    for zone in ("Mars/Olympus_Mons", ""):
        Event.objects.filter(pk=webinar.pk).update(time_zone=zone)

        response = client.get("/")

        assert response.status_code == 200
        html = _event_time(response.text)
        assert f"({LRI}UTC{PDI})" in html
        assert "local time" not in html


def test_the_tag_names_the_active_zone_when_the_page_gives_none(webinar):
    template = Template("{% load event_time %}{% event_time event %}")

    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
        html = template.render(Context({"event": webinar}))

    assert "9 p.m." in html
    assert f"(Tokyo, {LRI}UTC+9{PDI})" in html
