"""Forgotten password (emailed link) and changing the password while signed in."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OLD = "correct horse battery staple"
NEW = "a-brand-new-lantern-2026"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def user():
    user = UserFactory(email="omar@example.org")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)


def test_it_emails_a_reset_link_that_sets_a_new_password(client, user):
    response = client.post("/accounts/password/reset/", {"email": "OMAR@example.org"})
    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox[0].to == ["omar@example.org"]

    # allauth moves the key from the link into the session, then shows the form.
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert b"Choose a new password" in form_page.content
    changed = client.post(form_page.redirect_chain[-1][0], {"password1": NEW, "password2": NEW})

    assert changed["Location"] == "/accounts/password/reset/key/done/"
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert not user.check_password(OLD)


def test_it_refuses_a_reset_link_used_twice(client, user):
    client.post("/accounts/password/reset/", {"email": "omar@example.org"})
    link = reset_link(mail.outbox[0])
    target = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(target, {"password1": NEW, "password2": NEW})

    again = client.get(link, follow=True)

    assert b"This link has expired or was used already." in again.content


def test_it_changes_the_password_of_a_signed_in_person(client, user):
    client.force_login(user)

    wrong = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-it", "password1": NEW, "password2": NEW},
    )
    assert wrong.status_code == 200
    user.refresh_from_db()
    assert user.check_password(OLD)

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": OLD, "password1": NEW, "password2": NEW},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE is off: the person stays signed in here.
    assert client.get("/accounts/profile/").status_code == 200


def test_it_refuses_a_weak_new_password(client, user):
    client.force_login(user)

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": OLD, "password1": "password", "password2": "password"},
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(OLD)
