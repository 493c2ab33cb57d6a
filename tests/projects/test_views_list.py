import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from projects.models import ProjectCityRole, ProjectPhase
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [project.title for project in response.context["projects"]]


def test_it_lists_published_pilots_with_their_cities_and_roles(client):
    pilot = ProjectFactory(title="Tripoli–Shenzhen disaster risk governance")
    ProjectCityFactory(project=pilot, city=CityFactory(name="Tripoli"), role="learning")
    ProjectCityFactory(project=pilot, city=CityFactory(name="Shenzhen"), role="sharing")

    response = client.get("/projects/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tripoli–Shenzhen disaster risk governance" in html
    assert "Tripoli</a> (Learning city)" in html
    assert "Shenzhen</a> (Sharing city)" in html


def test_it_hides_drafts_and_future_publications(client):
    ProjectFactory(title="Public pilot")
    ProjectFactory(title="Secret draft", status=PublicationStatus.DRAFT, published_at=None)
    ProjectFactory(title="Embargoed", published_at=timezone.now() + dt.timedelta(days=2))

    response = client.get("/projects/")

    assert titles(response) == ["Public pilot"]
    assert b"Secret draft" not in response.content
    assert b"Embargoed" not in response.content


def test_it_nests_pilots_under_their_programme(client):
    programme = ProgrammeFactory(title="Cities Project")
    ProjectFactory(title="Lebanon pilot", parent=programme)
    ProjectFactory(title="Draft pilot", parent=programme, status=PublicationStatus.DRAFT)

    response = client.get("/projects/?kind=programme")

    assert titles(response) == ["Cities Project"]
    html = response.content.decode()
    assert "Pilots in this programme" in html
    assert "Lebanon pilot" in html
    assert "Draft pilot" not in html


def test_it_filters_by_cluster_slug(client):
    drr = ClusterFactory(slug="drr")
    ProjectFactory(title="Flood pilot").clusters.add(drr)
    ProjectFactory(title="Tourism pilot").clusters.add(ClusterFactory())

    assert titles(client.get("/projects/?cluster=drr")) == ["Flood pilot"]


def test_it_filters_by_status_which_is_the_phase(client):
    ProjectFactory(title="Running", phase=ProjectPhase.ACTIVE)
    ProjectFactory(title="Finished", phase=ProjectPhase.COMPLETED)

    assert titles(client.get("/projects/?status=completed")) == ["Finished"]


def test_it_filters_by_city_and_lists_a_pilot_once(client):
    tripoli = CityFactory(slug="tripoli")
    pilot = ProjectFactory(title="Linked")
    ProjectCityFactory(project=pilot, city=tripoli, role=ProjectCityRole.LEARNING)
    ProjectCityFactory(project=pilot, role=ProjectCityRole.SHARING)
    ProjectFactory(title="Elsewhere")

    assert titles(client.get("/projects/?city=tripoli")) == ["Linked"]


def test_it_filters_by_partner(client):
    undp = OrganizationFactory(slug="undp")
    pilot = ProjectFactory(title="With UNDP")
    ProjectPartnerFactory(project=pilot, organization=undp, role="implementing")
    ProjectPartnerFactory(project=pilot, organization=undp, role="funding")
    ProjectFactory(title="Without")

    assert titles(client.get("/projects/?partner=undp")) == ["With UNDP"]


def test_it_filters_by_kind(client):
    ProgrammeFactory(title="Programme A")
    ProjectFactory(title="Pilot B")

    assert titles(client.get("/projects/?kind=pilot")) == ["Pilot B"]


@pytest.mark.parametrize(
    ("query", "explained"),
    [
        ("status=finished", "Select a valid choice"),
        ("cluster=no-such-cluster", "Select a valid choice"),
        ("kind=spaceship", "Select a valid choice"),
        ("city=atlantis", "No city is called atlantis."),
    ],
)
def test_it_explains_a_bad_filter_value_instead_of_failing(client, query, explained):
    ProjectFactory(title="Still listed")

    response = client.get(f"/projects/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert explained in html
    assert "Still listed" in html


def test_it_says_so_when_nothing_matches(client):
    response = client.get("/projects/?status=planned")

    assert response.status_code == 200
    assert b"No pilot matches these filters yet" in response.content


def test_it_paginates_and_keeps_the_filters_in_page_links(client):
    for _ in range(25):
        ProjectFactory(phase=ProjectPhase.ACTIVE)

    first = client.get("/projects/?status=active")
    second = client.get("/projects/?status=active&page=2")

    assert len(first.context["projects"]) == 20
    assert "status=active&amp;page=2" in first.content.decode()
    assert len(second.context["projects"]) == 5
