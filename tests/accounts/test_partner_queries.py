"""The partner list and partner page ask the database as often for 3 items as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    EventCoHostFactory,
    OrganizationFactory,
    ProjectPartnerFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def _fill(organization, size):
    for _ in range(size):
        OrganizationFactory()
        ProjectPartnerFactory(organization=organization)
        EventCoHostFactory(organization=organization)
        TrainingSeriesFactory().organizers.add(organization)
        ResourceFactory().organizations.add(organization)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    ["/partners/", "/partners/?kind=ngo", "/partners/?kind=ngo&country=KE", "/partners/home-org/"],
)
def test_it_does_not_query_per_item(client, url):
    organization = OrganizationFactory(slug="home-org")
    _fill(organization, 3)
    small = _count(client, url)
    _fill(organization, 27)
    assert _count(client, url) == small
