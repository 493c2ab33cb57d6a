import pytest

from clusters.models import Cluster
from projects.models import ProjectCityRole, ProjectPartnerRole
from tests.factories import (
    CityFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli_shenzhen_pilot():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")  # seeded by a migration
    programme = ProgrammeFactory(slug="cities-project", title="Cities Project")
    pilot = ProjectFactory(
        slug="tripoli-shenzhen", title="Tripoli–Shenzhen pilot", parent=programme
    )
    pilot.clusters.add(drr)
    ProjectCityFactory(
        project=pilot,
        city=CityFactory(slug="tripoli", name="Tripoli", country="LB"),
        role=ProjectCityRole.LEARNING,
    )
    ProjectCityFactory(
        project=pilot,
        city=CityFactory(slug="shenzhen", name="Shenzhen", country="CN"),
        role=ProjectCityRole.SHARING,
    )
    ProjectPartnerFactory(
        project=pilot,
        organization=OrganizationFactory(slug="undp", name="UNDP", acronym="UNDP"),
        role=ProjectPartnerRole.IMPLEMENTING,
    )
    ProjectPartnerFactory(
        project=pilot,
        organization=OrganizationFactory(slug="ndrcc", name="NDRCC", acronym="NDRCC"),
        role=ProjectPartnerRole.TECHNICAL,
    )
    ProjectFactory(slug="other-pilot")  # in no cluster: the filter must leave it out
    return pilot


def test_it_returns_the_pilot_of_a_cluster_with_its_cities_roles_and_partners(
    api, tripoli_shenzhen_pilot
):
    response = api.get("/api/v1/projects/?cluster=disaster-risk-reduction")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    pilot = body["results"][0]
    assert pilot["slug"] == "tripoli-shenzhen"
    assert pilot["clusters"] == ["disaster-risk-reduction"]
    assert pilot["programme"] == {"slug": "cities-project", "title": "Cities Project"}
    assert sorted(pilot["cities"], key=lambda c: c["slug"]) == [
        {"slug": "shenzhen", "name": "Shenzhen", "country": "CN", "role": "sharing"},
        {"slug": "tripoli", "name": "Tripoli", "country": "LB", "role": "learning"},
    ]
    assert {(p["slug"], p["role"]) for p in pilot["partners"]} == {
        ("undp", "implementing"),
        ("ndrcc", "technical"),
    }
    assert pilot["url"].endswith("/projects/tripoli-shenzhen/")
