"""The fixed cast every editorial permission is checked against."""

import pytest
from django.utils import timezone

from accounts.models import RequestedRole, RoleRequest
from tests.factories import (
    CityFactory,
    CityOfficialFactory,
    ClusterFactory,
    PartnerFactory,
    StaffUserFactory,
    UserFactory,
)

ROLES = (
    "anonymous",
    "plain",
    "pending",
    "official_here",
    "official_elsewhere",
    "partner",
    "editor",
    "superuser",
)
# What an editors-only page answers each member of the cast.
EDITORS_ONLY = {
    "anonymous": 302,
    "plain": 403,
    "pending": 403,
    "official_here": 403,
    "official_elsewhere": 403,
    "partner": 403,
    "editor": 200,
    "superuser": 200,
}


@pytest.fixture
def tripoli(db):
    return CityFactory(name="Tripoli", slug="tripoli", country="LB", summary="Old summary")


@pytest.fixture
def shenzhen(db):
    return CityFactory(name="Shenzhen", slug="shenzhen", country="CN", summary="Shenzhen summary")


@pytest.fixture
def cluster(db):
    return ClusterFactory(name="Disaster risk", slug="disaster-risk")


@pytest.fixture
def cast(db, tripoli, shenzhen):
    pending = UserFactory(email="pending@example.org")
    RoleRequest.objects.create(user=pending, role=RequestedRole.CITY_OFFICIAL, city=tripoli)
    superuser = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    return {
        "anonymous": None,
        "plain": UserFactory(email="plain@example.org"),
        "pending": pending,
        "official_here": CityOfficialFactory(email="official@example.org", city=tripoli),
        "official_elsewhere": CityOfficialFactory(email="shenzhen@example.org", city=shenzhen),
        "partner": PartnerFactory(email="partner@example.org"),
        "editor": StaffUserFactory(email="editor@example.org"),
        "superuser": superuser,
    }


@pytest.fixture
def client_for(client, cast):
    def login(role):
        client.logout()
        if cast[role] is not None:
            client.force_login(cast[role])
        return client

    return login


@pytest.fixture
def editor_client(client_for):
    return client_for("editor")


@pytest.fixture
def notified(monkeypatch):
    """Every object notify_content_published was called with, in order."""
    calls = []
    monkeypatch.setattr(
        "notifications.services.notify_content_published",
        lambda *, obj: calls.append(obj) or 0,
    )
    return calls


@pytest.fixture
def now():
    return timezone.now()
