"""Signing in switches to the profile's language: a notice says so and offers the way back."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

from accounts.models import User
from core.i18n import path_in_language
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


def _sign_in(client, browser_language: str):
    """Sign in from the sign-in page in `browser_language` (its address: /fr/accounts/login/)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = browser_language
    response = client.post(
        path_in_language("/accounts/login/", browser_language),
        {"login": "amira@example.org", "password": PASSWORD},
        follow=True,
    )
    return response.content.decode()


def test_signing_in_says_the_language_changed_and_offers_the_way_back(client):
    _person("ar")

    html = _sign_in(client, "en")

    assert 'dir="rtl"' in html
    # The notice speaks the new language, naming it in that language.
    assert "البوابة الآن باللغة العربية، وهي لغة ملفك الشخصي." in html
    form = re.search(r'<form method="post" action="/i18n/setlang/"[^>]*>.*?</form>', html, re.S)
    assert form, "no switch-back form"
    assert '<input type="hidden" name="language" value="en">' in form.group()
    # The button speaks the language the person was reading, so they can find it.
    assert re.search(
        r'<button[^>]*lang="en" dir="ltr">Switch back to English</button>', form.group()
    )


def test_switching_back_restores_the_previous_language(client):
    person = _person("ar")
    _sign_in(client, "en")

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/profile/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/accounts/profile/")
    assert page["Content-Language"] == "en" and 'dir="ltr"' in page.content.decode()
    # Choosing a language while signed in is remembered, as on the language page.
    assert User.objects.get(pk=person.pk).preferred_language == "en"


def test_no_notice_when_the_language_does_not_change(client):
    _person("fr")

    html = _sign_in(client, "fr")

    assert "language-switched" not in html and "/i18n/setlang/" not in html


def test_the_notice_is_shown_once(client):
    _person("es")
    _sign_in(client, "en")

    assert "language-switched" not in client.get("/accounts/profile/").content.decode()
