"""Signing in with the email address (any case), refusals, and signing out with a POST."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def verified_user():
    user = UserFactory(email="layla@example.org", name="Layla Nasser")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_it_signs_in_whatever_the_case_of_the_email(client, verified_user):
    response = client.post("/accounts/login/", {"login": "LAYLA@Example.ORG", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    assert client.get("/accounts/profile/").context["user"] == verified_user


def test_it_says_the_password_is_wrong_without_signing_in(client, verified_user):
    response = client.post("/accounts/login/", {"login": "layla@example.org", "password": "nope"})

    assert response.status_code == 200
    assert b"The email address and/or password you specified are not correct." in response.content
    assert client.get("/accounts/profile/").status_code == 302


def test_it_returns_to_the_page_that_asked_for_sign_in(client, verified_user):
    response = client.post(
        "/accounts/login/?next=/notifications/",
        {"login": "layla@example.org", "password": PASSWORD, "next": "/notifications/"},
    )

    assert response["Location"] == "/notifications/"


def test_it_holds_an_unverified_address_until_the_link_is_opened(client):
    user = UserFactory(email="new@example.org")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    response = client.post("/accounts/login/", {"login": "new@example.org", "password": PASSWORD})

    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/accounts/profile/").status_code == 302
    assert mail.outbox and mail.outbox[0].to == ["new@example.org"]


def test_it_lets_in_an_account_staff_created_without_an_email_record(client):
    # Accounts from the admin, createsuperuser or load_demo have no allauth record at all.
    UserFactory(email="editor@example.org")

    response = client.post(
        "/accounts/login/", {"login": "editor@example.org", "password": PASSWORD}
    )

    assert response["Location"] == "/me/"
    assert EmailAddress.objects.get(email="editor@example.org").verified


def test_it_refuses_an_inactive_account(client, verified_user):
    verified_user.is_active = False
    verified_user.save()

    client.post("/accounts/login/", {"login": "layla@example.org", "password": PASSWORD})

    assert client.get("/accounts/profile/").status_code == 302


def test_it_signs_out_only_with_a_post(client, verified_user):
    client.force_login(verified_user)

    client.get("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 200

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 302


def test_it_shows_sign_in_links_to_visitors_and_sign_out_to_members(client, verified_user):
    anonymous = client.get("/").content.decode()
    # From the home page, signing in leads to My portal: no way back to ask for.
    assert 'href="/accounts/login/"' in anonymous
    assert 'href="/accounts/signup/"' in anonymous

    client.force_login(verified_user)
    signed_in = client.get("/").content.decode()
    assert 'href="/accounts/profile/"' in signed_in
    assert 'action="/accounts/logout/"' in signed_in
    assert 'href="/accounts/login/' not in signed_in


def test_it_sends_the_admin_sign_in_to_the_throttled_site_sign_in(client):
    staff = UserFactory(email="desk@example.org", is_staff=True, is_superuser=True)

    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


def test_it_refuses_the_admin_to_a_signed_in_person_who_is_not_staff(client, verified_user):
    client.force_login(verified_user)

    assert client.get("/admin/login/").status_code == 403


def test_the_sign_in_link_brings_the_visitor_back_to_the_page_they_were_on(client, verified_user):
    verified_user.preferred_language = "fr"  # signing in shows the profile's language
    verified_user.save()
    page = client.get("/fr/events/?kind=webinar").content.decode()

    assert 'href="/fr/accounts/login/?next=/fr/events/%3Fkind%3Dwebinar"' in page
    response = client.post(
        "/fr/accounts/login/?next=/fr/events/%3Fkind%3Dwebinar",
        {"login": "layla@example.org", "password": PASSWORD, "next": "/fr/events/?kind=webinar"},
    )
    assert response["Location"] == "/fr/events/?kind=webinar"


def test_the_sign_in_page_does_not_lead_back_to_itself(client):
    page = client.get("/accounts/login/").content.decode()

    assert "/accounts/login/?next=" not in page
