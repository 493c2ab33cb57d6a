import pytest

from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import CityFactory, ClusterFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def test_it_lists_published_resources_only(client):
    ResourceFactory(title="Flood early warning in Tripoli")
    ResourceFactory(title="Unfinished draft", status=PublicationStatus.DRAFT, published_at=None)

    response = client.get("/resources/")

    assert response.status_code == 200
    assert titles(response) == ["Flood early warning in Tripoli"]
    assert b"Unfinished draft" not in response.content


def test_it_filters_by_kind(client):
    ResourceFactory(title="Toolkit", kind=ResourceKind.TOOLKIT)
    ResourceFactory(title="Case", kind=ResourceKind.CASE_STUDY)

    assert titles(client.get("/resources/?kind=toolkit")) == ["Toolkit"]


def test_it_filters_by_cluster_and_city(client):
    drr = ClusterFactory(slug="drr")
    tripoli = CityFactory(slug="tripoli")
    both = ResourceFactory(title="Both")
    both.clusters.add(drr)
    both.cities.add(tripoli)
    ResourceFactory(title="Cluster only").clusters.add(drr)
    ResourceFactory(title="Neither")

    assert sorted(titles(client.get("/resources/?cluster=drr"))) == ["Both", "Cluster only"]
    assert titles(client.get("/resources/?cluster=drr&city=tripoli")) == ["Both"]


def test_it_filters_by_tag_and_links_tags_to_that_filter(client):
    ResourceFactory(title="Early warning").tags.add("early warning", "floods")
    ResourceFactory(title="Heritage").tags.add("heritage")

    response = client.get("/resources/?tag=floods")

    assert titles(response) == ["Early warning"]
    assert 'href="/resources/?tag=early-warning"' in response.content.decode()


@pytest.mark.parametrize("query", ["kind=poem", "cluster=nowhere", "city=atlantis"])
def test_it_explains_a_bad_filter_value_instead_of_failing(client, query):
    ResourceFactory(title="Still listed")

    response = client.get(f"/resources/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Still listed" in html


def test_it_says_so_when_the_library_has_nothing_matching(client):
    html = client.get("/resources/?kind=video").content.decode()

    assert "No resource matches these filters yet." in html


def test_it_paginates(client):
    ResourceFactory.create_batch(23)

    assert len(titles(client.get("/resources/"))) == 20
    assert len(titles(client.get("/resources/?page=2"))) == 3
