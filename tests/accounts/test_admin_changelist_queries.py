"""Busy change lists stay cheap: the query count does not grow with the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories


def make_projects(count):
    for _ in range(count):
        project = factories.ProjectFactory(parent=factories.ProgrammeFactory())
        project.clusters.add(factories.ClusterFactory())


def make_events(count):
    series = factories.TrainingSeriesFactory()
    for _ in range(count):
        factories.EventFactory(city=factories.CityFactory(), series=series)


def make_resources(count):
    for _ in range(count):
        resource = factories.ResourceFactory(author=factories.UserFactory())
        resource.clusters.add(factories.ClusterFactory())


def make_cities(count):
    for _ in range(count):
        factories.ClusterMembershipFactory(city=factories.CityFactory())


CHANGELISTS = [
    ("admin:projects_project_changelist", make_projects),
    ("admin:events_event_changelist", make_events),
    ("admin:resources_resource_changelist", make_resources),
    ("admin:cities_city_changelist", make_cities),
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.context["cl"].result_count


@pytest.mark.parametrize(("url_name", "make_rows"), CHANGELISTS)
def test_it_lists_thirty_rows_with_as_few_queries_as_three(admin_client, url_name, make_rows):
    url = reverse(url_name)
    make_rows(3)
    queries_for_three, rows = count_queries(admin_client, url)
    assert rows >= 3

    make_rows(27)
    queries_for_thirty, rows = count_queries(admin_client, url)
    assert rows >= 30

    assert queries_for_thirty == queries_for_three
