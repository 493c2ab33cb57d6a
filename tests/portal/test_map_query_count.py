"""The map page costs the same number of queries for a few cities and pilots as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _make_pilots(size, offset, cluster):
    for number in range(offset, offset + size):
        first = CityFactory(name=f"City A{number}", slug=f"city-a-{number}")
        second = CityFactory(name=f"City B{number}", slug=f"city-b-{number}")
        ClusterMembershipFactory(city=first, cluster=cluster)
        ClusterMembershipFactory(city=second, cluster=cluster)
        pilot = ProjectFactory(title=f"Pilot {number}")
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot, city=first)
        ProjectCityFactory(project=pilot, city=second)


def _queries(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("portal:map"), params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("filtered", [False, True])
def test_it_does_not_grow_queries_with_cities_and_pilots(client, filtered):
    cluster = ClusterFactory(slug="counted")
    params = {"cluster": "counted"} if filtered else {}
    _make_pilots(3, 0, cluster)
    few = _queries(client, params)

    _make_pilots(27, 100, cluster)
    many = _queries(client, params)

    assert many == few
