"""The language a person chose follows them: signing in applies it, choosing one saves it."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def _person(language: str):
    user = UserFactory(email="amira@example.org", preferred_language=language)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_it_speaks_the_profile_language_after_signing_in_on_a_new_browser(client):
    _person("ar")

    response = client.post("/accounts/login/", {"login": "amira@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # The next page is the Arabic one: its address carries the language.
    assert response["Location"].startswith("/ar/")
    page = client.get(response["Location"])
    assert page["Content-Language"] == "ar"
    assert 'dir="rtl"' in page.content.decode()


def test_the_page_asked_for_opens_in_the_profile_language(client):
    _person("fr")

    response = client.post(
        "/accounts/login/?next=/clusters/",
        {"login": "amira@example.org", "password": PASSWORD},
    )

    assert response["Location"] == "/fr/clusters/"


def test_the_profile_language_wins_over_the_language_the_browser_used_before(client):
    _person("fr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    response = client.post(
        "/es/accounts/login/", {"login": "amira@example.org", "password": PASSWORD}
    )

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert client.get(response["Location"])["Content-Language"] == "fr"


def test_a_failed_sign_in_leaves_the_language_alone(client):
    _person("ar")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    response = client.post(
        "/es/accounts/login/", {"login": "amira@example.org", "password": "nope"}
    )

    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert response["Content-Language"] == "es"


def test_choosing_a_language_while_signed_in_saves_it_on_the_profile(client):
    user = _person("en")
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    user.refresh_from_db()
    assert user.preferred_language == "es"


def test_choosing_a_language_anonymously_only_sets_the_browser(client):
    user = _person("en")

    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_an_unknown_language_changes_nothing(client):
    user = _person("en")
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "en"
