"""The API speaks the language asked for (?lang= or Accept-Language), says so, and its anonymous
cache never answers one language with another."""

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shenzhen():
    return CityFactory(name="Shenzhen", slug="shenzhen", country="CN")


def country_name(response) -> str:
    [city] = [c for c in response.json()["results"] if c["slug"] == "shenzhen"]
    return city["country_name"]


def test_accept_language_picks_the_language(api, shenzhen):
    response = api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    assert country_name(response) == "Chine"


def test_the_lang_parameter_picks_the_language(api, shenzhen):
    response = api.get("/api/v1/cities/?lang=fr", HTTP_ACCEPT_LANGUAGE="es")

    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    assert country_name(response) == "Chine"


def test_without_a_choice_it_answers_in_english_and_ignores_the_cookie(api, shenzhen):
    api.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    response = api.get("/api/v1/cities/")

    assert response["Content-Language"] == "en"
    assert country_name(response) == "China"


def test_a_language_the_site_does_not_speak_falls_back_to_the_next_one_asked(api, shenzhen):
    response = api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="de, ru;q=0.8")

    assert response["Content-Language"] == "ru"


def test_an_unknown_lang_parameter_is_a_clear_error(api):
    response = api.get("/api/v1/cities/?lang=xx")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    [message] = error["fields"]["lang"]
    assert "xx" in message and "zh-hans" in message


def test_the_anonymous_cache_does_not_answer_english_with_french(api, shenzhen, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()

    french = api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="fr")
    english = api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="en")
    french_again = api.get("/api/v1/cities/", HTTP_ACCEPT_LANGUAGE="fr")

    assert country_name(french) == "Chine"
    assert country_name(english) == "China"
    assert english["Content-Language"] == "en"
    assert country_name(french_again) == "Chine"
    assert french_again["Content-Language"] == "fr"
    assert french["ETag"] != english["ETag"]
    cache.clear()
