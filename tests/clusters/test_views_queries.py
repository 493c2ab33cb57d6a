"""The cluster list and cluster space ask the database as often for 3 items as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Cluster
from resources.models import ResourceKind
from tests.factories import (
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _fill(cluster, size):
    for _ in range(size):
        ClusterMembershipFactory(cluster=cluster)
        pilot = ProjectFactory()
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot)
        ProjectCityFactory(project=pilot)
        EventFactory().clusters.add(cluster)
        ResourceFactory().clusters.add(cluster)
        ResourceFactory(kind=ResourceKind.NEWS).clusters.add(cluster)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/clusters/", "/clusters/disaster-risk-reduction/"], ids=["list", "detail"]
)
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_it_does_not_query_per_item(client, url, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    _fill(cluster, 3)
    small = _count(client, url)
    _fill(cluster, 27)
    assert _count(client, url) == small
