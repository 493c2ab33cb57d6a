"""The fixed cast of opportunity tests: a host, an open and a closed fellowship, and the people
every write path is checked against."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from cities.models import Region
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterFactory,
    OpportunityFactory,
    OrganizationFactory,
    PartnerFactory,
    StaffUserFactory,
)

ROLES = ("anonymous", "official", "partner", "other_partner", "staff")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Cast:
    tripoli: object
    shenzhen: object
    cluster: object
    ndrcc: object
    fellowship: object
    closed: object
    official: object
    partner: object
    other_partner: object
    staff: object

    def client_for(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(self, role))
        return client

    def user(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


@pytest.fixture
def cast(db):
    tripoli = CityFactory(name="Tripoli", slug="tripoli", country="LB", region=Region.ARAB_STATES)
    shenzhen = CityFactory(
        name="Shenzhen", slug="shenzhen", country="CN", region=Region.ASIA_PACIFIC
    )
    cluster = ClusterFactory(name="Disaster risk", slug="disaster-risk")
    ndrcc = OrganizationFactory(name="National Disaster Reduction Center of China", acronym="NDRCC")
    now = timezone.now().replace(second=0, microsecond=0)
    return Cast(
        tripoli=tripoli,
        shenzhen=shenzhen,
        cluster=cluster,
        ndrcc=ndrcc,
        fellowship=OpportunityFactory(
            title="Disaster risk governance fellowship",
            slug="drr-fellowship",
            host_organization=ndrcc,
            host_city=shenzhen,
            cluster=cluster,
            deadline=now + dt.timedelta(days=30),
        ),
        closed=OpportunityFactory(
            title="Early warning expert exchange",
            slug="early-warning-exchange",
            kind="expert_exchange",
            host_organization=ndrcc,
            cluster=cluster,
            deadline=now - dt.timedelta(days=3),
        ),
        official=CityOfficialFactory(email="official@tripoli.example.org", city=tripoli),
        partner=PartnerFactory(email="partner@example.org", organization=OrganizationFactory()),
        other_partner=PartnerFactory(email="other@example.org", organization=OrganizationFactory()),
        staff=StaffUserFactory(email="staff@example.org"),
    )


@dataclass
class Topics:
    early_warning: object
    governance: object
    food: object  # another cluster
    urban_farming: object


@pytest.fixture
def topics(cast):
    """Topics of the cast's cluster, and one of another cluster."""
    from clusters.models import Topic

    food = ClusterFactory(name="Food systems", slug="food-test")
    return Topics(
        early_warning=Topic.objects.create(
            cluster=cast.cluster, name="Early warning systems", slug="ow-early-warning", order=1
        ),
        governance=Topic.objects.create(
            cluster=cast.cluster, name="Risk governance", slug="ow-risk-governance", order=2
        ),
        food=food,
        urban_farming=Topic.objects.create(
            cluster=food, name="Urban farming", slug="ow-urban-farming", order=1
        ),
    )
