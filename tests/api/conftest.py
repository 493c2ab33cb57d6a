"""The fixed cast every API permission test uses, and throttling kept out of the way."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from tests.factories import CityFactory, OrganizationFactory, UserFactory

GENEROUS_RATES = {"anon": "100000/minute", "user": "100000/minute", "write": "100000/minute"}


@pytest.fixture(autouse=True)
def _generous_throttles(settings):
    """Throttle counters live in the cache; tests start from zero with rates they cannot hit."""
    cache.clear()
    # The cast creates several users per test; a fast hasher keeps that cheap.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": GENEROUS_RATES}
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@dataclass
class Cast:
    city: object
    other_city: object
    plain: object
    official: object
    other_official: object
    partner: object
    other_partner: object
    staff: object

    def client_for(self, role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            client.force_authenticate(getattr(self, role))
        return client


# StaffUserFactory and friends in tests/factories.py shadow the `roles` post-generation hook with
# a plain attribute, so the roles are given here explicitly.
def staff(**kwargs):
    return UserFactory(roles=[UN_STAFF], **kwargs)


def official(city, **kwargs):
    return UserFactory(roles=[CITY_OFFICIAL], city=city, **kwargs)


def partner(organization=None, **kwargs):
    return UserFactory(
        roles=[PARTNER], organization=organization or OrganizationFactory(), **kwargs
    )


ROLES = (
    "anonymous",
    "plain",
    "official",
    "other_official",
    "partner",
    "other_partner",
    "staff",
)


@pytest.fixture
def cast(db):
    city = CityFactory(slug="tripoli", name="Tripoli", country="LB")
    other_city = CityFactory(slug="shenzhen", name="Shenzhen", country="CN")
    return Cast(
        city=city,
        other_city=other_city,
        plain=UserFactory(),
        official=official(city),
        other_official=official(other_city),
        partner=partner(),
        other_partner=partner(),
        staff=staff(),
    )


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]
