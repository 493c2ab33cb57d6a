"""A signed-in person downloads everything the portal keeps about them, and nobody else's."""

import json

import pytest
from django.urls import reverse

from accounts.models import RoleRequest
from projects.models import CollaborationMessage
from tests.factories import (
    CertificateFactory,
    CollaborationRequestFactory,
    NotificationFactory,
    PartnerFactory,
    RegistrationFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXPORT_URL = "/accounts/export/"


def test_it_asks_a_visitor_to_sign_in(client):
    response = client.get(EXPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_downloads_the_persons_data_as_json(client):
    partner = PartnerFactory(name="Amina Haddad")
    subscription = SubscriptionFactory(user=partner)
    registration = RegistrationFactory(user=partner)
    certificate = CertificateFactory(user=partner)
    request = CollaborationRequestFactory(requester=partner, message="Flood maps for Tripoli")
    CollaborationMessage.objects.create(request=request, author=partner, body="Any news?")
    NotificationFactory(recipient=partner, title="A pilot you follow was updated")
    RoleRequest.objects.create(
        user=partner,
        role="partner",
        organization=partner.organization,
        message="Please link me to UNDP",
    )
    client.force_login(partner)

    response = client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == partner.email
    assert data["profile"]["name"] == "Amina Haddad"
    assert "password" not in data["profile"]
    assert [s["cluster"]["name"] for s in data["subscriptions"]] == [subscription.cluster.name]
    assert [r["event"]["name"] for r in data["registrations"]] == [str(registration.event)]
    assert [c["verification_code"] for c in data["certificates"]] == [certificate.verification_code]
    assert data["collaboration_requests"][0]["message"] == "Flood maps for Tripoli"
    assert data["collaboration_requests"][0]["messages"][0]["body"] == "Any news?"
    assert data["notifications"][0]["title"] == "A pilot you follow was updated"
    assert data["role_requests"][0]["message"] == "Please link me to UNDP"


def test_it_leaves_out_other_peoples_data(client):
    person = UserFactory()
    someone_else = UserFactory()
    NotificationFactory(recipient=someone_else, title="Not yours")
    SubscriptionFactory(user=someone_else)
    client.force_login(person)

    data = json.loads(client.get(EXPORT_URL).content)

    assert data["notifications"] == []
    assert data["subscriptions"] == []
    assert someone_else.email not in json.dumps(data)


def test_it_links_the_download_from_the_profile(client):
    client.force_login(UserFactory())

    page = client.get(reverse("accounts:profile")).content.decode()

    assert f'href="{EXPORT_URL}"' in page
    assert reverse("mfa_index") in page
