"""GeoJSON for the map: a point per city and a line per pair of cities in a published pilot."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cities.models import City
from clusters.models import Cluster
from core.models import PublicationStatus
from core.publication import publication_unpublish
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
    StaffUserFactory,
    UserFactory,
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


def test_it_names_pilots_cities_and_clusters_in_the_language_asked_for(api, pilot):
    """Each row loads its name in every language, so the fallback to the original still works."""
    pilot.title_fr = "Projet pilote Tripoli–Shenzhen"
    pilot.save()
    tripoli = pilot.city_links.get(role="learning").city
    tripoli.name_fr = "Tripoli (Liban)"
    tripoli.save()
    Cluster.objects.filter(slug="disaster-risk-reduction").update(name_fr="Réduction des risques")

    body = api.get("/api/v1/map/?lang=fr").json()

    points = {f["properties"]["slug"]: f["properties"] for f in body["features"]}
    line = next(f["properties"] for f in body["features"] if f["properties"]["kind"] != "city")
    assert points["tripoli"]["name"] == "Tripoli (Liban)"
    assert points["shenzhen"]["name"] == "Shenzhen"  # not translated: its original name
    assert points["tripoli"]["pilots"][0]["title"] == "Projet pilote Tripoli–Shenzhen"
    assert points["tripoli"]["pilots"][0]["role_label"] == "Ville apprenante"
    assert line["title"] == "Projet pilote Tripoli–Shenzhen"
    assert points["tripoli"]["clusters"][0]["name"] == "Réduction des risques"


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


class TestKeptAnswer:
    """Every visit of the map page asks for the map, and at 5,000 cities it takes seconds to
    compute: it is kept like the other public reads until content changes."""

    @pytest.fixture(autouse=True)
    def read_cache_on(self, settings):
        settings.PAGE_CACHE_SECONDS = 60

    def test_a_second_visit_reads_no_city_or_pilot(self, api, pilot):
        first = api.get("/api/v1/map/")
        signed_in = APIClient()
        signed_in.force_login(UserFactory())

        with CaptureQueriesContext(connection) as queries:
            again = api.get("/api/v1/map/")
            theirs = signed_in.get("/api/v1/map/")

        assert again.json() == theirs.json() == first.json()
        read = " ".join(query["sql"] for query in queries.captured_queries)
        assert "cities_city" not in read and "projects_project" not in read

    def test_a_newly_published_pilot_shows_at_once(
        self, api, pilot, django_capture_on_commit_callbacks
    ):
        api.get("/api/v1/map/")
        with django_capture_on_commit_callbacks(execute=True):
            new = ProjectFactory(slug="lima-quito", title="Lima–Quito pilot")
            ProjectCityFactory(project=new, city=CityFactory(slug="quito"))
            ProjectCityFactory(project=new, city=City.objects.get(slug="lima"))

        body = api.get("/api/v1/map/").json()

        lines = {
            f["properties"]["slug"] for f in body["features"] if f["properties"]["kind"] != "city"
        }
        assert lines == {"tripoli-shenzhen", "lima-quito"}

    def test_each_cluster_and_language_is_kept_apart(self, api, pilot):
        other = ClusterMembershipFactory(city=CityFactory(slug="quito"))
        api.get("/api/v1/map/")
        api.get("/api/v1/map/?lang=fr")

        narrowed = api.get(f"/api/v1/map/?cluster={other.cluster.slug}").json()
        french = api.get("/api/v1/map/?lang=fr").json()

        assert [f["properties"]["slug"] for f in narrowed["features"]] == ["quito"]
        names = {
            f["properties"]["slug"]: f["properties"].get("country_name") for f in french["features"]
        }
        assert names["shenzhen"] == "Chine"

    def test_a_pilot_added_to_a_cluster_shows_on_its_map_at_once(
        self, api, pilot, django_capture_on_commit_callbacks
    ):
        water = ClusterFactory(slug="water")
        assert api.get("/api/v1/map/?cluster=water").json()["features"] == []
        with django_capture_on_commit_callbacks(execute=True):
            pilot.clusters.add(water)  # no save of the pilot: only its link to the cluster

        body = api.get("/api/v1/map/?cluster=water").json()

        lines = [
            f["properties"]["slug"] for f in body["features"] if f["properties"]["kind"] != "city"
        ]
        assert lines == ["tripoli-shenzhen"]

    def test_a_withdrawn_pilot_leaves_the_map_at_once(
        self, api, pilot, django_capture_on_commit_callbacks
    ):
        api.get("/api/v1/map/")
        with django_capture_on_commit_callbacks(execute=True):
            publication_unpublish(obj=pilot, actor=StaffUserFactory())

        body = api.get("/api/v1/map/").json()

        assert "tripoli-shenzhen" not in {f["properties"]["slug"] for f in body["features"]}
        tripoli = next(f for f in body["features"] if f["properties"]["slug"] == "tripoli")
        assert tripoli["properties"]["pilots"] == []
