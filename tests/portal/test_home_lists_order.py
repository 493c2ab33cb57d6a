"""What the home page and cluster pages list, after their queries were rewritten for scale:
events under way first, each city once in name order, pilots counted per cluster."""

import datetime as dt

import pytest
from django.utils import timezone

from clusters.models import Cluster
from core.models import PublicationStatus
from portal.hub_selectors import cluster_cards, cluster_memberships, cluster_upcoming_events
from portal.selectors import home_map_cities, home_upcoming_events
from projects.models import ProjectKind, ProjectPhase
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    now = timezone.now()
    return {
        "under way": EventFactory(
            title="Under way",
            starts_at=now - dt.timedelta(days=1),
            ends_at=now + dt.timedelta(days=1),
        ),
        "tomorrow": EventFactory(title="Tomorrow", starts_at=now + dt.timedelta(days=1)),
        "next week": EventFactory(title="Next week", starts_at=now + dt.timedelta(days=7)),
        "over": EventFactory(
            title="Over", starts_at=now - dt.timedelta(days=3), ends_at=now - dt.timedelta(days=2)
        ),
        "draft": EventFactory(title="Draft", status=PublicationStatus.DRAFT, published_at=None),
    }


def test_it_lists_an_event_under_way_before_the_ones_still_to_start(events):
    assert [event.title for event in home_upcoming_events()] == [
        "Under way",
        "Tomorrow",
        "Next week",
    ]


def test_it_lists_a_clusters_events_under_way_first_and_leaves_other_clusters_out(events):
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    for name in ("next week", "under way", "over"):
        events[name].clusters.add(cluster)

    assert [event.title for event in cluster_upcoming_events(cluster=cluster, limit=13)] == [
        "Under way",
        "Next week",
    ]


def test_a_clusters_short_lists_keep_their_first_rows_in_their_order(events):
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    for name in ("next week", "under way", "tomorrow"):
        events[name].clusters.add(cluster)
    for name, role in (("Zomba", "lead"), ("Accra", "member"), ("Bogor", "lead")):
        ClusterMembershipFactory(cluster=cluster, city=CityFactory(name=name), role=role)

    assert [event.title for event in cluster_upcoming_events(cluster=cluster, limit=2)] == [
        "Under way",
        "Tomorrow",
    ]
    assert [m.city.name for m in cluster_memberships(cluster=cluster, limit=3)] == [
        "Bogor",
        "Zomba",
        "Accra",
    ]
    assert len(home_upcoming_events(limit=1)) == 1


def test_it_lists_each_city_of_a_published_project_once_in_name_order():
    zanzibar, accra = CityFactory(name="Zanzibar"), CityFactory(name="Accra")
    for _ in range(2):
        ProjectCityFactory(city=zanzibar)
    ProjectCityFactory(city=accra)
    ProjectCityFactory(
        city=CityFactory(name="Bogor"),
        project=ProjectFactory(status=PublicationStatus.DRAFT, published_at=None),
    )
    CityFactory(name="Cusco")

    assert [city.name for city in home_map_cities()] == ["Accra", "Zanzibar"]


def test_it_counts_only_published_active_pilots_on_each_cluster_card():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    tourism = Cluster.objects.get(slug="sustainable-tourism-heritage-creative-economy")
    counted = ProjectFactory()
    not_counted = [
        ProjectFactory(status=PublicationStatus.DRAFT, published_at=None),
        ProjectFactory(phase=ProjectPhase.COMPLETED),
        ProjectFactory(kind=ProjectKind.PROGRAMME),
    ]
    for project in (counted, *not_counted):
        project.clusters.add(drr)
    ProjectFactory().clusters.add(tourism, drr)

    counts = {cluster.slug: cluster.active_pilot_count for cluster in cluster_cards()}

    assert counts["disaster-risk-reduction"] == 2
    assert counts["sustainable-tourism-heritage-creative-economy"] == 1
    assert counts["covid-19-response-public-health"] == 0
