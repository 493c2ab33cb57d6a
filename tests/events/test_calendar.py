import datetime as dt
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import time_machine

from core.models import PublicationStatus
from events import calendars
from tests.factories import CityFactory, EventFactory

pytestmark = pytest.mark.django_db

BEIRUT = zoneinfo.ZoneInfo("Asia/Beirut")


@pytest.fixture
def workshop():
    return EventFactory(
        title="Capacity development: risk governance & resilience",
        slug="risk-workshop",
        summary="Two days with Tripoli and Shenzhen.",
        starts_at=dt.datetime(2023, 9, 12, 6, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2023, 9, 13, 14, 0, tzinfo=dt.UTC),
        time_zone="Asia/Beirut",
        venue="Municipal Hall",
        city=CityFactory(name="Tripoli"),
        published_at=dt.datetime(2023, 1, 1, tzinfo=dt.UTC),
    )


@time_machine.travel(dt.datetime(2023, 8, 1, tzinfo=dt.UTC), tick=False)
def test_it_downloads_an_ics_attachment_that_parses_back(client, workshop):
    response = client.get("/events/risk-workshop/event.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="risk-workshop.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == "risk-workshop@cities-clusters"
    assert str(vevent["SUMMARY"]) == "Capacity development: risk governance & resilience"
    assert "Two days with Tripoli and Shenzhen." in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "http://testserver/events/risk-workshop/"
    assert str(vevent["LOCATION"]) == "Municipal Hall, Tripoli"


def test_it_writes_start_and_end_in_the_events_own_zone(client, workshop):
    response = client.get("/events/risk-workshop/event.ics")

    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Asia/Beirut"
    assert vevent.decoded("DTSTART") == dt.datetime(2023, 9, 12, 9, 0, tzinfo=BEIRUT)
    assert vevent.decoded("DTEND") == dt.datetime(2023, 9, 13, 17, 0, tzinfo=BEIRUT)
    # Strict clients need the zone's definition in the file.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Beirut"]


def test_it_writes_utc_times_for_an_event_in_utc(client):
    EventFactory(
        slug="online",
        starts_at=dt.datetime(2024, 3, 5, 13, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2024, 3, 5, 15, 0, tzinfo=dt.UTC),
        time_zone="UTC",
    )

    body = client.get("/events/online/event.ics").content.decode()

    assert "DTSTART:20240305T130000Z" in body
    assert "DTEND:20240305T150000Z" in body


def test_it_refuses_the_ics_of_a_draft(client):
    EventFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/events/draft/event.ics").status_code == 404


def test_it_builds_a_google_calendar_link_with_utc_dates(workshop):
    url = calendars.google_calendar_url(
        workshop, url="https://portal.example/events/risk-workshop/"
    )

    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://calendar.google.com/calendar/render"
    )
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Capacity development: risk governance & resilience"]
    assert query["dates"] == ["20230912T060000Z/20230913T140000Z"]
    assert query["location"] == ["Municipal Hall, Tripoli"]
    assert "https://portal.example/events/risk-workshop/" in query["details"][0]
    assert "&text=Capacity%20development%3A%20risk%20governance%20%26%20resilience" in url


def test_it_builds_an_outlook_link_with_utc_dates(workshop):
    url = calendars.outlook_calendar_url(
        workshop, url="https://portal.example/events/risk-workshop/"
    )

    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.netloc == "outlook.live.com"
    assert query["path"] == ["/calendar/action/compose"]
    assert query["rru"] == ["addevent"]
    assert query["subject"] == ["Capacity development: risk governance & resilience"]
    assert query["startdt"] == ["2023-09-12T06:00:00Z"]
    assert query["enddt"] == ["2023-09-13T14:00:00Z"]
    assert query["location"] == ["Municipal Hall, Tripoli"]


def test_it_puts_the_calendar_links_on_the_event_page(client, workshop):
    html = client.get("/events/risk-workshop/").content.decode()

    assert 'href="/events/risk-workshop/event.ics"' in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE&amp;" in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html
    assert "dates=20230912T060000Z%2F20230913T140000Z" in html
