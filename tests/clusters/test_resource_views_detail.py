import pytest
from django.core.files.base import ContentFile

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


def test_it_answers_404_for_a_draft_and_an_unknown_slug(client):
    ResourceFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/resources/draft/").status_code == 404
    assert client.get("/resources/unknown/").status_code == 404
