"""The fixed cast for collaboration tests, and a form submission that looks human."""

import time
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import Client

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from projects.collaboration_guards import started_token
from tests.factories import (
    CityFactory,
    ClusterFactory,
    OrganizationFactory,
    ProjectFactory,
    UserFactory,
)

ROLES = (
    "anonymous",
    "plain",
    "verified",
    "official",
    "partner",
    "other_partner",
    "staff",
    "superuser",
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; every test starts from zero.
    cache.clear()
    yield
    cache.clear()


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@dataclass
class Cast:
    pilot: object
    cluster: object
    city: object
    plain: object
    verified: object
    official: object
    partner: object
    other_partner: object
    staff: object
    superuser: object

    def client_for(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(self, role))
        return client


@pytest.fixture
def cast(db):
    city = CityFactory(slug="tripoli", name="Tripoli", country="LB")
    return Cast(
        pilot=ProjectFactory(slug="tripoli-shenzhen", title="Tripoli–Shenzhen pilot"),
        cluster=ClusterFactory(slug="drr", name="Disaster risk reduction"),
        city=city,
        plain=UserFactory(email="plain@example.org"),
        verified=verified(UserFactory(email="verified@example.org")),
        official=verified(UserFactory(roles=[CITY_OFFICIAL], city=city)),
        partner=UserFactory(
            roles=[PARTNER],
            organization=OrganizationFactory(name="Resilience Network", acronym="RN"),
        ),
        other_partner=UserFactory(roles=[PARTNER], organization=OrganizationFactory()),
        staff=UserFactory(roles=[UN_STAFF], name="Amara Okafor"),
        superuser=UserFactory(is_superuser=True, is_staff=True),
    )


def form_data(**overrides):
    """What a person sends after reading the form for a minute."""
    data = {
        "kind": "technical_expertise",
        "target": "project:tripoli-shenzhen",
        "organization_name": "Flood Lab",
        "message": "We run **early-warning** systems in three cities.",
        "contact_preferences": "Email, in English",
        "website": "",
        "form_started": started_token(now=time.time() - 60),
    }
    data.update(overrides)
    return data
