"""Event pages ask the database the same number of times for 3 rows as for 30."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventCoHostFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_events(count, **fields):
    for _ in range(count):
        event = EventFactory(city=CityFactory(), series=TrainingSeriesFactory(), **fields)
        event.clusters.add(ClusterFactory(), ClusterFactory())


@pytest.mark.parametrize(
    ("url", "days_ahead"),
    [
        ("/events/", 10),
        # The API's filters on the page show their control: its options cost no query per row.
        ("/events/?language=en&kind=webinar&event_format=online&country=LB", 10),
        ("/events/past/", -10),
        ("/events/past/?format=online&region=arab_states", -10),
    ],
)
def test_it_lists_events_in_a_constant_number_of_queries(client, url, days_ahead):
    starts_at = timezone.now() + dt.timedelta(days=days_ahead)
    add_events(3, starts_at=starts_at)
    small = queries_for(client, url)

    add_events(27, starts_at=starts_at)
    large = queries_for(client, url)

    assert small == large
    assert len(client.get(url).context["events"]) == 20


def add_event_details(event, count):
    for _ in range(count):
        EventCoHostFactory(event=event, organization=OrganizationFactory())
        event.clusters.add(ClusterFactory())
        event.projects.add(ProjectFactory())
        RegistrationFactory(event=event, user__password=None)  # skip slow hashing
        EventFactory(series=event.series)


def test_it_shows_an_event_in_a_constant_number_of_queries(client):
    event = EventFactory(slug="busy", capacity=100, series=TrainingSeriesFactory())
    add_event_details(event, 3)
    small = queries_for(client, "/events/busy/")

    add_event_details(event, 27)
    large = queries_for(client, "/events/busy/")

    assert small == large


def add_sessions(series, count):
    for _ in range(count):
        session = EventFactory(series=series, city=CityFactory())
        session.clusters.add(ClusterFactory())
        series.organizers.add(OrganizationFactory())
        series.clusters.add(ClusterFactory())


def test_it_shows_a_series_in_a_constant_number_of_queries(client):
    series = TrainingSeriesFactory(slug="series")
    add_sessions(series, 3)
    small = queries_for(client, "/events/series/series/")

    add_sessions(series, 27)
    large = queries_for(client, "/events/series/series/")

    assert small == large
