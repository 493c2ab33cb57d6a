"""The city list and profile ask the database as often for 3 items as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Cluster
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def _fill(city, size):
    clusters = list(Cluster.objects.all())
    for index in range(size):
        other = CityFactory()
        other.hazards.add("flood")
        ClusterMembershipFactory(city=other, cluster=clusters[index % 7])
        pilot = ProjectFactory()
        ProjectCityFactory(project=pilot, city=city)
        ProjectCityFactory(project=pilot, city=other)
        EventFactory(city=city)
        ResourceFactory().cities.add(city)
    joined = set(city.cluster_memberships.values_list("cluster_id", flat=True))
    for cluster in clusters[: min(size, 7)]:
        if cluster.pk not in joined:
            ClusterMembershipFactory(city=city, cluster=cluster)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/cities/",
        "/cities/?cluster=disaster-risk-reduction&sort=newest",
        "/cities/?region=arab_states&country=LB&hazard=flood",
        "/cities/home/",
    ],
)
def test_it_does_not_query_per_item(client, url):
    city = CityFactory(slug="home")
    _fill(city, 3)
    small = _count(client, url)
    _fill(city, 27)
    assert _count(client, url) == small
