import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Subscription
from notifications.run import digest_build_and_send
from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import WEEK_START, during_week, freeze

pytestmark = pytest.mark.django_db


def _readers(count):
    """`count` readers, each following a cluster, a city and a pilot with news in all of them."""
    for _ in range(count):
        cluster, city = ClusterFactory(), CityFactory()
        pilot = ProjectFactory(published_at=during_week())
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot, city=city)
        ProjectUpdateFactory(project=pilot, published_at=during_week(1))
        event = EventFactory(published_at=during_week(), city=city)
        event.clusters.add(cluster)
        event.projects.add(pilot)
        resource = ResourceFactory(published_at=during_week())
        resource.clusters.add(cluster)
        resource.cities.add(city)
        resource.projects.add(pilot)
        reader = UserFactory(digest_frequency="weekly")
        SubscriptionFactory(user=reader, cluster=cluster)
        SubscriptionFactory(user=reader, cluster=None, city=city)
        SubscriptionFactory(user=reader, cluster=None, project=pilot)


def _queries_for_one_batch(django_capture_on_commit_callbacks, readers):
    _readers(readers)
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks():
        summary = digest_build_and_send(period="weekly", period_start=WEEK_START, batch_size=1000)
    assert summary.sent == readers
    return len(queries)


def test_it_builds_a_batch_with_the_same_queries_whatever_its_size(
    django_capture_on_commit_callbacks, time_machine
):
    freeze(time_machine)
    small = _queries_for_one_batch(django_capture_on_commit_callbacks, 2)
    Subscription.objects.all().delete()
    large = _queries_for_one_batch(django_capture_on_commit_callbacks, 12)

    assert small == large
    assert large < 30
