"""Brute force: after five wrong passwords an address is locked for a while, with a clear message."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LIMIT = 5


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user():
    user = UserFactory(email="target@example.org")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def attempt(client, password, email="target@example.org"):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_it_is_configured_for_five_failures_per_address():
    assert f"{LIMIT}/300s/key" in settings.ACCOUNT_RATE_LIMITS["login_failed"]


def test_it_blocks_the_address_after_too_many_wrong_passwords(client, user):
    for _ in range(LIMIT):
        response = attempt(client, "wrong-guess")
        assert b"not correct" in response.content

    blocked = attempt(client, "wrong-guess")

    assert blocked.status_code == 200
    assert b"Too many failed login attempts. Try again later." in blocked.content


def test_it_refuses_even_the_right_password_while_blocked(client, user):
    for _ in range(LIMIT):
        attempt(client, "wrong-guess")

    response = attempt(client, PASSWORD)

    assert response.status_code == 200
    assert b"Too many failed login attempts" in response.content
    assert client.get("/accounts/profile/").status_code == 302


def test_it_counts_the_address_whatever_its_case(client, user):
    for index in range(LIMIT):
        attempt(
            client, "wrong-guess", email="TARGET@example.org" if index % 2 else "target@example.org"
        )

    assert b"Too many failed login attempts" in attempt(client, PASSWORD).content


def test_it_does_not_block_other_addresses(client, user):
    other = UserFactory(email="other@example.org")
    EmailAddress.objects.create(user=other, email=other.email, primary=True, verified=True)
    for _ in range(LIMIT):
        attempt(client, "wrong-guess")

    response = attempt(client, PASSWORD, email="other@example.org")

    assert response.status_code == 302


def test_it_lets_the_address_in_again_once_the_window_has_passed(client, user, time_machine):
    time_machine.move_to("2026-03-01 10:00:00Z")
    for _ in range(LIMIT):
        attempt(client, "wrong-guess")
    assert b"Too many failed login attempts" in attempt(client, PASSWORD).content

    time_machine.move_to("2026-03-01 10:06:00Z")

    assert attempt(client, PASSWORD).status_code == 302
