"""The home page: the seven clusters, what is new, what is coming, and a map with a text fallback."""

import datetime as dt

import pytest
from django.utils import timezone

from clusters.models import Cluster
from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def test_it_links_each_of_the_seven_clusters_to_its_page(client):
    response = client.get("/")
    assert response.status_code == 200
    for cluster in Cluster.objects.active():
        assert f'href="/clusters/{cluster.slug}/"' in response.text
    assert response.text.count('class="card cluster-card ') == 7


def test_it_counts_member_cities_and_active_pilots_on_a_cluster_card(client):
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")
    for city in CityFactory.create_batch(2):
        ClusterMembershipFactory(cluster=cluster, city=city)
    ProjectFactory(title="Flood early warning").clusters.add(cluster)

    response = client.get("/")

    assert "2 member cities" in response.text
    assert "1 active pilot" in response.text


def test_it_shows_published_pilots_with_their_cities_but_not_drafts(client):
    pilot = ProjectFactory(title="Tripoli–Shenzhen risk governance")
    ProjectCityFactory(project=pilot, city=CityFactory(name="Tripoli"))
    ProjectFactory(title="Secret draft pilot", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/")

    assert "Tripoli–Shenzhen risk governance" in response.text
    assert "Tripoli" in response.text
    assert "Secret draft pilot" not in response.text


def test_it_lists_only_the_five_latest_pilots(client):
    now = timezone.now()
    for day in range(7):
        ProjectFactory(title=f"Pilot of day {day}", published_at=now - dt.timedelta(days=day + 1))

    response = client.get("/")

    assert "Pilot of day 0" in response.text
    assert "Pilot of day 4" in response.text
    assert "Pilot of day 5" not in response.text


def test_it_shows_upcoming_events_but_not_past_ones(client):
    EventFactory(title="Early warning webinar")
    EventFactory(
        title="Last year's workshop",
        starts_at=timezone.now() - dt.timedelta(days=300),
        ends_at=timezone.now() - dt.timedelta(days=299),
    )

    response = client.get("/")

    assert "Early warning webinar" in response.text
    assert "Last year&#x27;s workshop" not in response.text


def test_it_shows_news_and_good_practices_in_their_own_sections(client):
    ResourceFactory(title="Delegation visits Shenzhen", kind=ResourceKind.NEWS)
    ResourceFactory(title="Community flood drills", kind=ResourceKind.GOOD_PRACTICE)
    ResourceFactory(title="Unpublished practice", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/")

    news_section = response.text.split('id="news-heading"')[1].split("</section>")[0]
    practices_section = response.text.split('id="practices-heading"')[1].split("</section>")[0]
    assert "Delegation visits Shenzhen" in news_section
    assert "Community flood drills" in practices_section
    assert "Unpublished practice" not in response.text


def test_it_says_so_when_there_is_nothing_yet(client):
    response = client.get("/")

    assert "No pilot has been published yet." in response.text
    assert "No event is scheduled at the moment." in response.text
    assert "No news yet." in response.text


def test_it_has_a_map_placeholder_with_a_list_of_cities_for_when_the_map_cannot_load(client):
    ProjectCityFactory(city=CityFactory(name="Shenzhen", slug="shenzhen", country="CN"))

    response = client.get("/")

    assert 'id="home-map"' in response.text
    assert 'data-geojson-url="/api/v1/map/?lang=en"' in response.text
    map_block = response.text.split('id="home-map"')[1].split("</div>")[0]
    assert 'href="/cities/shenzhen/"' in map_block
