"""The pilot pages ask the database the same number of times for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ProjectUpdateFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_listed_projects(count, *, cluster, programme):
    for _ in range(count):
        pilot = ProjectFactory(parent=programme)
        pilot.clusters.add(cluster)
        ProjectCityFactory(project=pilot)
        ProjectCityFactory(project=pilot, role="sharing")


@pytest.mark.parametrize(
    "url", ["/projects/", "/projects/?kind=pilot&status=active&country=LB&region=arab_states"]
)
def test_it_lists_projects_in_a_constant_number_of_queries(client, url):
    cluster = ClusterFactory()
    programme = ProgrammeFactory()
    add_listed_projects(3, cluster=cluster, programme=programme)
    small = queries_for(client, url)

    add_listed_projects(27, cluster=cluster, programme=ProgrammeFactory())
    large = queries_for(client, url)

    assert small == large
    assert len(client.get(url).context["projects"]) == 20


def add_project_details(project, count):
    for _ in range(count):
        ProjectCityFactory(project=project, city=CityFactory())
        ProjectPartnerFactory(project=project, organization=OrganizationFactory())
        MilestoneFactory(project=project)
        ProjectUpdateFactory(project=project)
        project.clusters.add(ClusterFactory())
        EventFactory().projects.add(project)
        ResourceFactory().projects.add(project)
        ProjectFactory(parent=project)


def test_it_shows_a_project_in_a_constant_number_of_queries(client):
    programme = ProgrammeFactory(slug="programme")
    add_project_details(programme, 3)
    small = queries_for(client, "/projects/programme/")

    add_project_details(programme, 27)
    large = queries_for(client, "/projects/programme/")

    assert small == large
