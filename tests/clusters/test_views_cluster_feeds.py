"""Integrators read a cluster through Atom and iCalendar."""

import datetime as dt

import pytest
from icalendar import Calendar

from clusters.models import Cluster
from core.models import PublicationStatus
from events.models import EventFormat
from tests.factories import CityFactory, EventFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2099, 9, 12, 7, 0, tzinfo=dt.UTC)


@pytest.fixture
def cluster():
    return Cluster.objects.get(slug="disaster-risk-reduction")


def test_it_publishes_pilots_events_and_resources_in_an_atom_feed_newest_first(client, cluster):
    now = dt.datetime.now(dt.UTC)
    pilot = ProjectFactory(title="Older pilot", published_at=now - dt.timedelta(days=3))
    event = EventFactory(title="Newer event", published_at=now - dt.timedelta(days=1))
    resource = ResourceFactory(title="Middle resource", published_at=now - dt.timedelta(days=2))
    draft = ResourceFactory(
        title="Draft resource", status=PublicationStatus.DRAFT, published_at=None
    )
    for item in (pilot, event, resource, draft):
        item.clusters.add(cluster)

    response = client.get("/clusters/disaster-risk-reduction/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.index("Newer event") < body.index("Middle resource") < body.index("Older pilot")
    assert "Draft resource" not in body
    assert f"http://testserver{pilot.get_absolute_url()}" in body


def test_it_gives_an_icalendar_of_the_clusters_published_events(client, cluster):
    in_person = EventFactory(
        title="Capacity development days",
        starts_at=START,
        ends_at=START + dt.timedelta(days=1, hours=9),
        time_zone="Asia/Shanghai",
        format=EventFormat.IN_PERSON,
        venue="Civic Centre",
        city=CityFactory(name="Shenzhen"),
    )
    online = EventFactory(title="Webinar", online_url="https://meet.example.org/drr")
    draft = EventFactory(title="Draft event", status=PublicationStatus.DRAFT, published_at=None)
    for event in (in_person, online, draft):
        event.clusters.add(cluster)

    response = client.get("/clusters/disaster-risk-reduction/events.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(component["SUMMARY"]): component for component in calendar.walk("VEVENT")}
    assert set(events) == {"Capacity development days", "Webinar"}
    days = events["Capacity development days"]
    assert str(calendar["X-WR-CALNAME"]) == cluster.name
    assert days["DTSTART"].dt == START
    # Shown in the event's own zone, as announced (15:00 in Shenzhen), with its definition.
    assert days["DTSTART"].dt.hour == 15
    assert "Asia/Shanghai" in {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert days["DTEND"].dt == START + dt.timedelta(days=1, hours=9)
    assert str(days["URL"]) == f"http://testserver{in_person.get_absolute_url()}"
    assert str(days["LOCATION"]) == "Civic Centre, Shenzhen"
    assert str(events["Webinar"]["LOCATION"]) == "https://meet.example.org/drr"


def test_an_event_has_the_same_uid_in_the_cluster_calendar_and_its_own_download(client, cluster):
    event = EventFactory(title="Capacity development days", starts_at=START)
    event.clusters.add(cluster)

    subscribed = Calendar.from_ical(
        client.get("/clusters/disaster-risk-reduction/events.ics").content
    )
    downloaded = Calendar.from_ical(client.get(f"{event.get_absolute_url()}event.ics").content)

    [from_cluster] = subscribed.walk("VEVENT")
    [from_download] = downloaded.walk("VEVENT")
    assert str(from_cluster["UID"]) == str(from_download["UID"])


def test_the_cluster_calendar_leaves_out_events_that_ended_long_ago(client, cluster):
    now = dt.datetime.now(dt.UTC)
    recent = EventFactory(
        title="Last month",
        starts_at=now - dt.timedelta(days=30),
        ends_at=now - dt.timedelta(days=29),
    )
    old = EventFactory(
        title="Two years ago",
        starts_at=now - dt.timedelta(days=730),
        ends_at=now - dt.timedelta(days=729),
    )
    for event in (recent, old):
        event.clusters.add(cluster)

    calendar = Calendar.from_ical(
        client.get("/clusters/disaster-risk-reduction/events.ics").content
    )

    assert [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")] == ["Last month"]


def test_it_answers_404_for_the_feeds_of_an_unknown_cluster(client):
    assert client.get("/clusters/nope/feed/").status_code == 404
    assert client.get("/clusters/nope/events.ics").status_code == 404
