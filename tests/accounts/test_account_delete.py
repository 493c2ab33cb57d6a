"""Deleting one's account removes personal data and keeps public contributions, credited to the
organization."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import RequestedRole, RoleRequest, User
from core import roles
from events.models import Registration, RegistrationStatus
from notifications.models import Notification, OutboxEmail, Subscription
from tests.factories import (
    CertificateFactory,
    CityFactory,
    EventFactory,
    NotificationFactory,
    OrganizationFactory,
    OutboxEmailFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    RegistrationFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DELETE = "/accounts/profile/delete/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def organization():
    return OrganizationFactory(name="Institute for Southern Urban Studies", slug="isus")


@pytest.fixture
def person(organization):
    user = UserFactory(
        email="hana.saleh@example.org",
        name="Hana Saleh",
        organization=organization,
        city=CityFactory(),
        roles=[roles.PARTNER],
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    SubscriptionFactory(user=user)
    NotificationFactory(recipient=user)
    OutboxEmailFactory(recipient=user, to_email=user.email)
    RegistrationFactory(user=user, event=EventFactory())
    CertificateFactory(user=user)
    Token.objects.create(user=user)
    RoleRequest.objects.create(user=user, role=RequestedRole.CITY_OFFICIAL, city=CityFactory())
    return user


def test_it_asks_for_the_password_before_deleting(client, person):
    client.force_login(person)

    response = client.post(DELETE, {"password": "not my password", "confirm": "on"})

    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    person.refresh_from_db()
    assert person.is_active and person.email == "hana.saleh@example.org"


def test_it_asks_the_person_to_confirm(client, person):
    client.force_login(person)

    client.post(DELETE, {"password": PASSWORD})

    person.refresh_from_db()
    assert person.is_active


def test_it_removes_personal_data_and_signs_the_person_out(client, person):
    client.force_login(person)

    response = client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response["Location"] == "/"
    assert client.get("/accounts/profile/").status_code == 302
    person.refresh_from_db()
    assert person.email == f"deleted-{person.pk}@invalid"
    assert person.name == ""
    assert not person.is_active
    assert not person.has_usable_password()
    assert not person.groups.exists()
    for model, field in [
        (Subscription, "user"),
        (Notification, "recipient"),
        (OutboxEmail, "recipient"),
        (Registration, "user"),
        (Token, "user"),
        (RoleRequest, "user"),
        (EmailAddress, "user"),
    ]:
        assert not model.objects.filter(**{field: person}).exists(), model.__name__
    assert not OutboxEmail.objects.filter(to_email="hana.saleh@example.org").exists()
    assert not person.certificates.exists()
    assert not User.objects.filter(email__iexact="hana.saleh@example.org").exists()


def test_it_keeps_authored_resources_public_and_credits_the_organization(
    client, person, organization
):
    resource = ResourceFactory(
        title="Flood early-warning good practice", slug="flood-warning", author=person
    )
    update = ProjectUpdateFactory(project=ProjectFactory(), author=person, title="Field visit")
    client.force_login(person)

    client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    resource.refresh_from_db()
    update.refresh_from_db()
    assert resource.author is None and update.author is None
    assert list(resource.organizations.all()) == [organization]
    page = client.get("/resources/flood-warning/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Flood early-warning good practice" in html
    assert "Institute for Southern Urban Studies" in html
    assert "Hana Saleh" not in html and "hana.saleh" not in html
    api = client.get("/api/v1/resources/flood-warning/").json()
    assert api["author"] is None


def test_it_gives_a_freed_seat_to_the_next_person_waiting(client, person):
    event = EventFactory(capacity=1, starts_at=timezone.now() + dt.timedelta(days=7))
    event.ends_at = event.starts_at + dt.timedelta(hours=2)
    event.save()
    RegistrationFactory(user=person, event=event, status=RegistrationStatus.REGISTERED)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    client.force_login(person)

    client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED


def test_it_lets_the_address_be_used_for_a_new_account(client, person):
    client.force_login(person)
    client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    client.post(
        "/accounts/signup/",
        {
            "name": "Hana",
            "email": "hana.saleh@example.org",
            "password1": "a-long-river-crossing-2026",
            "password2": "a-long-river-crossing-2026",
        },
    )

    assert User.objects.filter(email="hana.saleh@example.org", is_active=True).exists()
