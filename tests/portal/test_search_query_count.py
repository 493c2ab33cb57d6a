"""Search costs the same number of queries whether it finds a few results or many."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def _make_matching_content(size, offset):
    cluster = ClusterFactory(name=f"Monsoon cluster {offset}")
    for number in range(offset, offset + size):
        city = CityFactory(name=f"Monsoon city {number}", slug=f"monsoon-city-{number}")
        ClusterMembershipFactory(city=city, cluster=cluster)
        project = ProjectFactory(
            title=f"Monsoon pilot {number}",
            start_date=dt.date(2020 + number % 4, 1, 1),
        )
        project.clusters.add(cluster)
        ProjectCityFactory(project=project, city=city)
        ProjectPartnerFactory(
            project=project,
            organization=OrganizationFactory(
                name=f"Monsoon agency {number}", slug=f"monsoon-agency-{number}"
            ),
        )
        EventFactory(title=f"Monsoon webinar {number}", city=city).clusters.add(cluster)
        resource = ResourceFactory(title=f"Monsoon toolkit {number}")
        resource.clusters.add(cluster)
        resource.cities.add(city)


def _queries(client, params):
    # Each search on an emptied cache, as the bench counts: what the cache keeps (the clusters
    # partners reach) must not make one count look cheaper than the other.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("portal:search"), params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "monsoon"},
        {"q": "monsoon", "type": "project"},
        {"q": "monsoon", "country": "LB", "year": "2021"},
    ],
)
def test_it_does_not_grow_queries_with_the_number_of_results(client, params):
    _make_matching_content(3, offset=0)
    few = _queries(client, params)

    _make_matching_content(27, offset=100)
    many = _queries(client, params)

    assert many == few
