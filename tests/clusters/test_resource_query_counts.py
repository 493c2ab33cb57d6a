"""Library pages ask the database the same number of times for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourceKind
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_resources(count, kind=ResourceKind.GOOD_PRACTICE):
    for number in range(count):
        resource = ResourceFactory(kind=kind)
        resource.clusters.add(ClusterFactory())
        resource.tags.add(f"tag-{kind}-{number}", "shared")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/resources/", ResourceKind.CASE_STUDY),
        ("/resources/?kind=case_study&tag=shared&tags=shared,other", ResourceKind.CASE_STUDY),
        ("/news/", ResourceKind.NEWS),
        ("/news/?tag=shared&status=published", ResourceKind.NEWS),
    ],
)
def test_it_lists_in_a_constant_number_of_queries(client, url, kind):
    add_resources(3, kind)
    small = queries_for(client, url)

    add_resources(27, kind)
    large = queries_for(client, url)

    assert small == large
    assert len(client.get(url).context["resources"]) == 20


def add_context(resource, count):
    for number in range(count):
        cluster = ClusterFactory()
        resource.clusters.add(cluster)
        resource.cities.add(CityFactory())
        resource.organizations.add(OrganizationFactory())
        resource.projects.add(ProjectFactory())
        resource.tags.add(f"topic-{resource.clusters.count()}-{number}")
        ResourceFactory().clusters.add(cluster)


def test_it_shows_a_resource_in_a_constant_number_of_queries(client):
    resource = ResourceFactory(slug="rich")
    add_context(resource, 3)
    small = queries_for(client, "/resources/rich/")

    add_context(resource, 27)
    large = queries_for(client, "/resources/rich/")

    assert small == large
