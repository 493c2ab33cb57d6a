"""The home page asks the database the same number of times for 3 items as for 30."""

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
)

pytestmark = pytest.mark.django_db


def _fill(size):
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    for _ in range(size):
        pilot = ProjectFactory()
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot)
        ProjectCityFactory(project=pilot)
        ClusterMembershipFactory(cluster=cluster)
        EventFactory()
        ResourceFactory(kind=ResourceKind.NEWS)
        ResourceFactory(kind=ResourceKind.GOOD_PRACTICE)


def _queries_for_home(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def test_it_does_not_query_per_item(client):
    _fill(3)
    small = _queries_for_home(client)
    _fill(27)
    large = _queries_for_home(client)
    assert small == large


def test_it_costs_the_same_whether_or_not_the_upcoming_events_belong_to_a_series(client):
    """The demo's events are sessions of a training series, the generated ones are not: the
    home page must cost the same for both (the bench compares them)."""
    from events.models import Event
    from tests.factories import TrainingSeriesFactory

    _fill(3)
    without_series = _queries_for_home(client)
    Event.objects.update(series=TrainingSeriesFactory())
    with_series = _queries_for_home(client)

    assert with_series == without_series
