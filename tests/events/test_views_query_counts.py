"""Event pages ask the database the same number of times for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_it_lists_events_in_a_constant_number_of_queries(client):
    add_events(3)
    small = queries_for(client, "/events/")

    add_events(27)
    large = queries_for(client, "/events/")

    assert small == large


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
