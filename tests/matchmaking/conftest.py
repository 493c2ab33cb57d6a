"""A small world to match in: Tripoli needs early warning and risk governance; who offers them."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from accounts.models import OrganizationOffer
from cities.models import CityNeed, CityOffer, Region
from clusters.models import Cluster, Topic
from matchmaking.services import city_matches_refresh
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterMembershipFactory,
    EventFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
)


@dataclass
class World:
    drr: Cluster
    early_warning: Topic
    governance: Topic
    building_codes: Topic
    tripoli: object
    shenzhen: object
    beirut: object
    ndrcc: object
    pilot: object
    training: object
    official: object

    def refresh(self):
        return city_matches_refresh(city=self.tripoli)


@pytest.fixture
def world(db):
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    early_warning, governance = topics["early-warning-systems"], topics["risk-governance"]
    building_codes = topics["building-codes"]

    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    tripoli.hazards.set(["flood", "earthquake"])
    ClusterMembershipFactory(city=tripoli, cluster=drr)
    CityNeed.objects.create(city=tripoli, topic=early_warning, note="Sirens for the old city.")
    CityNeed.objects.create(city=tripoli, topic=governance)

    shenzhen = CityFactory(
        name="Shenzhen", slug="shenzhen", country="CN", region=Region.ASIA_PACIFIC
    )
    shenzhen.hazards.set(["flood", "earthquake", "typhoon"])
    ClusterMembershipFactory(city=shenzhen, cluster=drr)
    CityOffer.objects.create(city=shenzhen, topic=early_warning)

    beirut = CityFactory(name="Beirut", slug="beirut")
    CityOffer.objects.create(city=beirut, topic=building_codes)

    ndrcc = OrganizationFactory(name="National Disaster Reduction Center", acronym="NDRCC")
    OrganizationOffer.objects.create(organization=ndrcc, topic=governance)

    pilot = ProjectFactory(title="Coastal flood early warning", phase="active")
    pilot.topics.add(early_warning)
    pilot.clusters.add(drr)
    ProjectCityFactory(project=pilot, city=CityFactory(name="Iloilo"))

    training = EventFactory(
        title="Early warning follow-up training",
        starts_at=timezone.now() + dt.timedelta(days=20),
        ends_at=timezone.now() + dt.timedelta(days=21),
    )
    training.topics.add(early_warning)

    official = CityOfficialFactory(city=tripoli, email="official@tripoli.example.org")
    return World(
        drr=drr,
        early_warning=early_warning,
        governance=governance,
        building_codes=building_codes,
        tripoli=tripoli,
        shenzhen=shenzhen,
        beirut=beirut,
        ndrcc=ndrcc,
        pilot=pilot,
        training=training,
        official=official,
    )
