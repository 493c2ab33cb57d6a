"""A city profile: where it is, its clusters, pilots, partner cities, events and resources."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from clusters.models import Cluster, MembershipRole
from core.models import PublicationStatus
from projects.models import ProjectCityRole
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli():
    return CityFactory(
        name="Tripoli", slug="tripoli", country="LB", latitude="34.43670", longitude="35.84970"
    )


def test_it_shows_location_flag_and_region(client, tripoli):
    response = client.get("/cities/tripoli/")
    assert response.status_code == 200
    assert "<h1>Tripoli</h1>" in response.text
    assert "Latitude 34.437, longitude 35.850" in response.text
    assert 'src="/static/flags/lb.gif" alt="Flag of Lebanon"' in response.text
    assert "Arab States" in response.text


def test_it_lists_its_clusters_with_its_role(client, tripoli):
    ClusterMembershipFactory(
        city=tripoli,
        cluster=Cluster.objects.get(slug="disaster-risk-reduction"),
        role=MembershipRole.LEAD,
    )
    response = client.get("/cities/tripoli/")
    clusters = response.text.split('id="clusters-heading"')[1].split("</section>")[0]
    assert "Disaster Risk Reduction" in clusters
    assert "(Lead city)" in clusters


def test_it_lists_published_pilots_with_the_citys_role_and_the_partner_cities(client, tripoli):
    pilot = ProjectFactory(title="Risk governance pilot")
    ProjectCityFactory(project=pilot, city=tripoli, role=ProjectCityRole.LEARNING)
    ProjectCityFactory(
        project=pilot,
        city=CityFactory(name="Shenzhen", slug="shenzhen"),
        role=ProjectCityRole.SHARING,
    )
    draft = ProjectFactory(title="Draft pilot", status=PublicationStatus.DRAFT, published_at=None)
    ProjectCityFactory(project=draft, city=tripoli)
    ProjectCityFactory(project=draft, city=CityFactory(name="Hidden partner"))

    response = client.get("/cities/tripoli/")

    pilots = response.text.split('id="pilots-heading"')[1].split("</section>")[0]
    partners = response.text.split('id="partners-heading"')[1].split("</section>")[0]
    assert "Risk governance pilot" in pilots
    assert "Learning city" in pilots
    assert "Draft pilot" not in response.text
    assert 'href="/cities/shenzhen/"' in partners
    assert "Risk governance pilot" in partners
    assert "Hidden partner" not in response.text
    assert "Tripoli" not in partners


def test_it_lists_events_it_hosts_and_resources_about_it(client, tripoli):
    EventFactory(title="Workshop in Tripoli", city=tripoli)
    EventFactory(
        title="Earlier visit",
        city=tripoli,
        starts_at=timezone.now() - dt.timedelta(days=20),
        ends_at=timezone.now() - dt.timedelta(days=19),
    )
    EventFactory(title="Elsewhere")
    ResourceFactory(title="Tripoli flood maps").cities.add(tripoli)

    response = client.get("/cities/tripoli/")

    events = response.text.split('id="events-heading"')[1].split("</section>")[0]
    assert "Workshop in Tripoli" in events
    assert "Earlier visit" in events
    assert "Elsewhere" not in response.text
    assert "Tripoli flood maps" in response.text


def test_it_links_follow_and_request_collaboration(client, tripoli):
    response = client.get("/cities/tripoli/")
    assert 'href="/collaborate/?city=tripoli"' in response.text
    assert "/follow/?target_type=city&amp;slug=tripoli" in response.text


def test_it_shows_empty_states_for_a_new_city(client, tripoli):
    response = client.get("/cities/tripoli/")
    assert "This city has not joined a cluster yet." in response.text
    assert "No partner city yet" in response.text
    assert "This city has not hosted an event yet." in response.text


def test_it_answers_404_for_an_unknown_city(client):
    assert client.get("/cities/atlantis/").status_code == 404


def _map_features(html, features_id):
    start = html.index(f'<script id="{features_id}" type="application/json">')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])


def test_it_puts_the_city_on_a_small_map_in_its_clusters_colour(client, tripoli):
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    ClusterMembershipFactory(city=tripoli, cluster=drr)

    html = client.get("/cities/tripoli/").text

    location = html.split('id="location-heading"')[1].split("</section>")[0]
    # Drawn by map.js over the world's countries, named by the section's heading.
    assert 'data-map-features="city-map-features"' in location
    assert 'aria-labelledby="location-heading"' in location
    assert "vendor/world-atlas/countries-110m.json" in location
    # The coordinates stay in words below it, for screen readers and without JavaScript.
    assert '<figcaption class="mini-map-caption">Latitude 34.437, longitude 35.850' in location
    [point] = _map_features(html, "city-map-features")["features"]
    assert point["geometry"]["coordinates"] == [35.8497, 34.4367]
    assert point["properties"] == {
        "kind": "city",
        "name": "Tripoli",
        "slug": "tripoli",
        "country_name": "Lebanon",
        "url": "/cities/tripoli/",
        "colour": drr.colour,
    }
    assert "vendor/leaflet/leaflet.js" in html
    assert "vendor/topojson-client/topojson-client.min.js" in html
