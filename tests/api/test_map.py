"""GeoJSON for the map: a point per city and a line per pair of cities in a published pilot."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Cluster
from core.models import PublicationStatus
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    tripoli = CityFactory(
        name="Tripoli", slug="tripoli", country="LB", latitude="34.43670", longitude="35.84970"
    )
    shenzhen = CityFactory(
        name="Shenzhen", slug="shenzhen", country="CN", latitude="22.54310", longitude="114.05790"
    )
    ClusterMembershipFactory(city=tripoli, cluster=drr)
    project = ProjectFactory(slug="tripoli-shenzhen", title="Tripoli–Shenzhen pilot")
    project.clusters.add(drr)
    ProjectCityFactory(project=project, city=tripoli, role="learning")
    ProjectCityFactory(project=project, city=shenzhen, role="sharing")
    draft = ProjectFactory(slug="draft-pilot", status=PublicationStatus.DRAFT, published_at=None)
    ProjectCityFactory(project=draft, city=tripoli)
    ProjectCityFactory(project=draft, city=CityFactory(slug="lima"))
    return project


def test_it_returns_city_points_and_pilot_lines(api, pilot):
    body = api.get("/api/v1/map/").json()

    points = {
        f["properties"]["slug"]: f for f in body["features"] if f["geometry"]["type"] == "Point"
    }
    lines = [f for f in body["features"] if f["geometry"]["type"] == "LineString"]
    assert body["type"] == "FeatureCollection"
    assert set(points) == {"tripoli", "shenzhen", "lima"}
    assert points["tripoli"]["geometry"]["coordinates"] == [35.8497, 34.4367]
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    assert points["tripoli"]["properties"]["clusters"] == [
        {
            "slug": "disaster-risk-reduction",
            "name": drr.name,
            "colour": drr.colour,
            "url": "http://testserver/clusters/disaster-risk-reduction/",
        }
    ]
    assert len(lines) == 1  # the draft pilot draws no line
    link = lines[0]["properties"]
    assert (link["slug"], link["title"]) == ("tripoli-shenzhen", "Tripoli–Shenzhen pilot")
    assert {link["from_city"]["role"], link["to_city"]["role"]} == {"learning", "sharing"}
    assert link["url"].endswith("/projects/tripoli-shenzhen/")


def test_it_narrows_to_one_cluster(api, pilot):
    other = ClusterMembershipFactory(city=CityFactory(slug="quito"))

    body = api.get("/api/v1/map/?cluster=disaster-risk-reduction").json()
    other_body = api.get(f"/api/v1/map/?cluster={other.cluster.slug}").json()

    slugs = {f["properties"]["slug"] for f in body["features"]}
    assert slugs == {"tripoli", "shenzhen", "tripoli-shenzhen"}
    assert [f["properties"]["slug"] for f in other_body["features"]] == ["quito"]


def test_it_gives_each_city_what_its_popup_shows(api, pilot):
    """Name, country, clusters and published pilots, each with its page, in one request."""
    body = api.get("/api/v1/map/").json()

    points = {f["properties"]["slug"]: f["properties"] for f in body["features"]}
    tripoli, shenzhen = points["tripoli"], points["shenzhen"]
    assert (tripoli["name"], tripoli["country"], tripoli["country_name"]) == (
        "Tripoli",
        "LB",
        "Lebanon",
    )
    assert tripoli["url"] == "http://testserver/cities/tripoli/"
    assert tripoli["pilots"] == [
        {
            "slug": "tripoli-shenzhen",
            "title": "Tripoli–Shenzhen pilot",
            "url": "http://testserver/projects/tripoli-shenzhen/",
            "role": "learning",
            "role_label": "Learning city",
        }
    ]
    assert [p["role_label"] for p in shenzhen["pilots"]] == ["Sharing city"]
    assert shenzhen["clusters"] == []  # on the map as a pilot's end, in no cluster
    assert points["lima"]["pilots"] == []  # its only pilot is a draft


def test_it_names_the_countries_in_the_language_asked_for(api, pilot):
    body = api.get("/api/v1/map/", HTTP_ACCEPT_LANGUAGE="fr").json()

    names = {f["properties"]["slug"]: f["properties"].get("country_name") for f in body["features"]}
    assert names["shenzhen"] == "Chine"


def test_it_lists_only_the_clusters_pilots_when_narrowed(api, pilot):
    water = ClusterFactory(slug="water")
    other = ProjectFactory(slug="water-pilot", title="Water pilot")
    other.clusters.add(water)
    ProjectCityFactory(project=other, city=pilot.city_links.get(role="learning").city)
    ProjectCityFactory(project=other, city=CityFactory(slug="lusaka"))

    everything = api.get("/api/v1/map/").json()
    narrowed = api.get("/api/v1/map/?cluster=disaster-risk-reduction").json()

    def tripoli_pilots(body):
        tripoli = next(f for f in body["features"] if f["properties"]["slug"] == "tripoli")
        return sorted(p["slug"] for p in tripoli["properties"]["pilots"])

    assert tripoli_pilots(everything) == ["tripoli-shenzhen", "water-pilot"]
    assert tripoli_pilots(narrowed) == ["tripoli-shenzhen"]
    assert "lusaka" not in {f["properties"]["slug"] for f in narrowed["features"]}


def test_it_answers_an_unknown_cluster_with_a_clear_400(api, pilot):
    response = api.get("/api/v1/map/?cluster=no-such-cluster")

    assert response.status_code == 400
    assert "cluster" in response.json()["error"]["fields"]


def _fill(size, offset, cluster):
    for number in range(offset, offset + size):
        first = CityFactory(slug=f"a-{number}")
        second = CityFactory(slug=f"b-{number}")
        ClusterMembershipFactory(city=first, cluster=cluster)
        ClusterMembershipFactory(city=second, cluster=cluster)
        ClusterMembershipFactory(city=second, cluster=ClusterFactory())
        pilot = ProjectFactory(slug=f"pilot-{number}")
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot, city=first)
        ProjectCityFactory(project=pilot, city=second)


def _queries(api, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert api.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/v1/map/", "/api/v1/map/?cluster=counted"])
def test_it_does_not_grow_queries_with_cities_and_pilots(api, url):
    cluster = ClusterFactory(slug="counted")
    _fill(3, 0, cluster)
    few = _queries(api, url)

    _fill(27, 100, cluster)
    many = _queries(api, url)

    assert many == few
