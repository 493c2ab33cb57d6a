"""Superusers must set up two-factor authentication before they can use the admin or the staff
pages; staff may set it up; once set up, signing in asks for the authenticator's code."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 42"
SET_UP_URL = "/accounts/2fa/totp/activate/"


@pytest.fixture(autouse=True)
def _superusers_must_use_mfa(settings):
    settings.MFA_REQUIRED_FOR_SUPERUSERS = True


def make_user(**fields):
    user = UserFactory(**fields)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_it_sends_a_superuser_without_two_factor_to_set_it_up(client):
    superuser = make_user(is_staff=True, is_superuser=True)
    client.force_login(superuser)

    for url in ("/admin/", "/admin/accounts/user/", reverse("accounts:profile"), "/api/v1/me/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == SET_UP_URL, url


def test_it_lets_a_superuser_with_two_factor_into_the_admin(client):
    superuser = make_user(is_staff=True, is_superuser=True)
    TOTP.activate(superuser, generate_totp_secret())
    client.force_login(superuser)

    assert client.get("/admin/").status_code == 200


def test_it_leaves_two_factor_optional_for_staff(client):
    staff = make_user(is_staff=True)
    client.force_login(staff)

    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_it_walks_a_superuser_through_setting_up_an_authenticator_then_asks_for_codes(client):
    superuser = make_user(is_staff=True, is_superuser=True)

    signed_in = sign_in(client, superuser)
    assert signed_in.status_code == 302
    # Whatever page the sign-in lands on, the admin waits until an authenticator is set up.
    assert client.get("/admin/")["Location"] == SET_UP_URL

    # allauth asks for the password again before an authenticator is added.
    asked_again = client.get(SET_UP_URL)
    assert asked_again["Location"].startswith(reverse("account_reauthenticate"))
    client.post(asked_again["Location"], {"password": PASSWORD})
    set_up_page = client.get(SET_UP_URL)
    assert set_up_page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post(SET_UP_URL, {"code": current_code(secret)})
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=superuser, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200

    client.logout()
    second_sign_in = sign_in(client, superuser)
    assert second_sign_in["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given


def test_a_french_superuser_reaches_the_french_set_up_page(client):
    superuser = make_user(is_staff=True, is_superuser=True, preferred_language="fr")
    client.force_login(superuser)

    response = client.get("/fr/clusters/")
    assert response["Location"] == "/fr" + SET_UP_URL

    # Not sent round in circles: the set-up page (after confirming the password) opens.
    set_up = client.get(response["Location"], follow=True)
    assert set_up.status_code == 200
    assert set_up.redirect_chain[-1][0].startswith("/fr/accounts/reauthenticate/")
    assert '<html lang="fr"' in set_up.content.decode()
