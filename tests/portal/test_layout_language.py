"""The language switcher uses Django's set_language; Arabic turns the page right-to-left."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_offers_the_six_un_languages_from_every_page(client):
    response = client.get("/cities/")
    assert 'href="/language/?next=/cities/"' in response.text

    language_page = client.get("/language/?next=/cities/")
    for code in ("en", "fr", "es", "ar", "zh-hans", "ru"):
        assert f'name="language" value="{code}"' in language_page.text
    assert 'name="next" value="/cities/"' in language_page.text


def test_it_switches_to_arabic_and_lays_the_page_out_right_to_left(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/clusters/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/clusters/"

    page = client.get("/ar/clusters/")
    assert '<html lang="ar" dir="rtl">' in page.text


def test_it_keeps_english_left_to_right(client):
    page = client.get("/")
    assert '<html lang="en" dir="ltr">' in page.text


def test_it_does_not_send_visitors_to_another_site_after_switching(client):
    page = client.get("/language/?next=https://evil.example/")
    assert 'name="next" value="/"' in page.text
