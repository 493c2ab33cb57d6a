"""Search costs the same number of queries whether one type has results or every type has."""

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


def _queries(client, params) -> int:
    # Each search on an emptied cache, as the bench counts: what the cache keeps (the clusters
    # partners reach) must not make one count look cheaper than the other.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("portal:search"), params)
    assert response.status_code == 200
    assert response.context["outcome"].total
    return len(captured)


def _every_other_type_matches(city):
    cluster = ClusterFactory(name="Monsoon cluster")
    ClusterMembershipFactory(city=CityFactory(name="Monsoon city", country="LB"), cluster=cluster)
    project = ProjectFactory(title="Monsoon pilot", start_date=dt.date(2021, 1, 1))
    project.clusters.add(cluster)
    ProjectCityFactory(project=project, city=city)
    ProjectPartnerFactory(project=project, organization=OrganizationFactory(name="Monsoon agency"))
    EventFactory(title="Monsoon webinar", city=city).clusters.add(cluster)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "monsoon"},
        {"q": "monsoon", "type": "resource"},
        {"q": "monsoon", "country": "LB"},
    ],
)
def test_it_costs_the_same_queries_whichever_types_match(client, params):
    city = CityFactory(name="Tripoli", country="LB")
    ResourceFactory(title="Monsoon toolkit").cities.add(city)
    only_resources = _queries(client, params)

    _every_other_type_matches(city)
    every_type = _queries(client, params)

    assert every_type == only_resources
