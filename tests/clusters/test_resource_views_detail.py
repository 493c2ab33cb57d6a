import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def test_it_renders_the_body_and_the_context_links(client):
    resource = ResourceFactory(
        slug="visit",
        kind=ResourceKind.NEWS,
        title="Director visits NDRCC",
        body="A visit to **strengthen** cooperation.\n\n<script>alert(1)</script>",
    )
    resource.clusters.add(ClusterFactory(name="Disaster Risk Reduction"))
    resource.cities.add(CityFactory(name="Shenzhen", country="CN"))
    resource.organizations.add(
        OrganizationFactory(name="National Disaster Reduction Center", acronym="NDRCC")
    )
    resource.projects.add(ProjectFactory(title="Lebanon pilot"))
    resource.projects.add(ProjectFactory(title="Draft pilot", status=PublicationStatus.DRAFT))
    resource.tags.add("disaster risk")

    html = client.get("/resources/visit/").content.decode()

    assert "<h1>Director visits NDRCC</h1>" in html
    assert "<strong>strengthen</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "Disaster Risk Reduction" in html
    assert "Shenzhen, China" in html
    assert "(NDRCC)" in html
    assert "Lebanon pilot" in html
    assert "Draft pilot" not in html
    assert "#disaster risk" in html


def test_it_links_the_external_source_with_noopener_and_the_file(client):
    resource = ResourceFactory(slug="report", external_url="https://www.unsouthsouth.org/report")
    resource.file.save("report.pdf", ContentFile(b"%PDF-1.4"))

    html = client.get("/resources/report/").content.decode()

    assert 'href="https://www.unsouthsouth.org/report" rel="noopener"' in html
    assert 'href="/media/resources/' in html
    assert "Download the file" in html


def test_it_suggests_related_resources_that_share_a_cluster_or_tag(client):
    drr = ClusterFactory()
    resource = ResourceFactory(slug="main")
    resource.clusters.add(drr)
    resource.tags.add("floods")
    ResourceFactory(title="Same cluster").clusters.add(drr)
    ResourceFactory(title="Same tag").tags.add("floods")
    ResourceFactory(title="Unrelated")
    ResourceFactory(title="Related draft", status=PublicationStatus.DRAFT).clusters.add(drr)

    response = client.get("/resources/main/")

    related = [r.title for r in response.context["resource"].related_resources]
    assert sorted(related) == ["Same cluster", "Same tag"]


def _published_days_ago(days, **fields):
    return ResourceFactory(published_at=timezone.now() - dt.timedelta(days=days), **fields)


def _related_titles(client, slug="main"):
    response = client.get(f"/resources/{slug}/")
    assert response.status_code == 200
    return [related.title for related in response.context["resource"].related_resources]


@pytest.mark.parametrize("ids_read_first_at_most", [1000, 1])
def test_it_ranks_related_resources_by_the_links_they_share_then_the_newest_first(
    client, monkeypatch, ids_read_first_at_most
):
    """With few ids to read first they go back as a list; with many (1 here), as subqueries."""
    monkeypatch.setattr("resources.selectors.IDS_READ_FIRST_AT_MOST", ids_read_first_at_most)
    water, health = ClusterFactory(), ClusterFactory()
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot")
    resource = ResourceFactory(slug="main")
    resource.clusters.add(water, health)
    resource.tags.add("floods")
    resource.projects.add(pilot)

    everything = _published_days_ago(30, title="Pilot, tag and cluster")
    everything.projects.add(pilot)
    everything.tags.add("floods")
    everything.clusters.add(health)
    two_clusters = _published_days_ago(20, title="Both clusters, older")
    two_clusters.clusters.add(water, health)
    cluster_and_tag = _published_days_ago(10, title="Cluster and tag, newer")
    cluster_and_tag.clusters.add(water)
    cluster_and_tag.tags.add("floods")
    for days, title, cluster in (
        (1, "One cluster, newest", water),
        (2, "One cluster, older", health),
        (3, "One cluster, oldest", water),
    ):
        _published_days_ago(days, title=title).clusters.add(cluster)
    _published_days_ago(0, title="Other cluster").clusters.add(ClusterFactory())

    assert _related_titles(client) == [
        "Pilot, tag and cluster",
        "Cluster and tag, newer",
        "Both clusters, older",
        "One cluster, newest",
        "One cluster, older",
    ]


def test_five_resources_sharing_two_clusters_outrank_a_newer_one_sharing_one(client):
    water, health = ClusterFactory(), ClusterFactory()
    ResourceFactory(slug="main").clusters.add(water, health)
    for days in range(10, 16):
        _published_days_ago(days, title=f"Both clusters, {days} days").clusters.add(water, health)
    _published_days_ago(1, title="One cluster, newest").clusters.add(water)

    assert _related_titles(client) == [f"Both clusters, {days} days" for days in range(10, 15)]


def test_a_resource_sharing_only_a_pilot_or_a_tag_is_related(client):
    pilot = ProjectFactory()
    resource = ResourceFactory(slug="main")
    resource.projects.add(pilot)
    resource.tags.add("sirens")
    _published_days_ago(3, title="Same pilot").projects.add(pilot)
    _published_days_ago(2, title="Same tag").tags.add("sirens")
    _published_days_ago(1, title="Other tag").tags.add("drought")
    _published_days_ago(1, title="Draft of the pilot", status=PublicationStatus.DRAFT).projects.add(
        pilot
    )

    assert _related_titles(client) == ["Same tag", "Same pilot"]


def test_the_page_asks_the_same_number_of_queries_for_a_small_and_a_large_library(client):
    water, health = ClusterFactory(), ClusterFactory()
    pilot = ProjectFactory()
    resource = ResourceFactory(slug="main")
    resource.clusters.add(water, health)
    resource.tags.add("floods")
    resource.projects.add(pilot)

    def add_resources(count):
        for index in range(count):
            other = ResourceFactory()
            other.clusters.add(water if index % 2 else health)
            if index % 3 == 0:
                other.clusters.add(water, health)
                other.tags.add("floods")
                other.projects.add(pilot)

    add_resources(3)
    with CaptureQueriesContext(connection) as small:
        _related_titles(client)
    add_resources(30)
    with CaptureQueriesContext(connection) as large:
        assert len(_related_titles(client)) == 5

    assert len(large.captured_queries) == len(small.captured_queries)


def test_it_answers_404_for_a_draft_and_an_unknown_slug(client):
    ResourceFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/resources/draft/").status_code == 404
    assert client.get("/resources/unknown/").status_code == 404
