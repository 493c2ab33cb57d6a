"""GeoJSON for the map: a point per city and a line per pair of cities in a published pilot."""

import pytest

from clusters.models import Cluster
from core.models import PublicationStatus
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    tripoli = CityFactory(slug="tripoli", latitude="34.43670", longitude="35.84970")
    shenzhen = CityFactory(slug="shenzhen", latitude="22.54310", longitude="114.05790")
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
    assert points["tripoli"]["properties"]["clusters"] == [
        {
            "slug": "disaster-risk-reduction",
            "colour": Cluster.objects.get(slug="disaster-risk-reduction").colour,
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
