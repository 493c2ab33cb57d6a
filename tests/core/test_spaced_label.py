"""{{ label|spaced_label }}: a label and the space after it, as the reader's script spaces it."""

import re

import pytest
from django.template import Context, Template, engines
from django.utils import translation

from cities.editors import CITY_EDITOR
from tests.factories import CityFactory, CityOfficialFactory, EventFactory

pytestmark = pytest.mark.django_db


def _render(language):
    source = (
        '{% load i18n site_tags %}{% translate "Languages:" as label %}{{ label|spaced_label }}X'
    )
    with translation.override(language):
        return engines["django"].from_string(source).render({})


def test_a_latin_colon_is_followed_by_a_space():
    assert _render("en") == "Languages: X"
    assert _render("fr") == "Langues : X"


def test_a_full_width_colon_carries_its_own_space():
    assert _render("zh-hans") == "语言：X"


def test_an_events_languages_read_without_a_stray_space_in_chinese(client):
    EventFactory(languages=["en"])

    html = client.get("/zh-hans/events/").content.decode()

    assert "语言：英语" in html
    assert "语言： " not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "English, Arabic"),
        ("fr", "anglais, arabe"),
        ("es", "inglés, árabe"),
        ("ru", "английский, арабский"),
        ("ar", "الإنجليزية، العربية"),
    ],
)
def test_language_names_in_a_list_are_written_as_the_readers_language_writes_them(
    language, expected
):
    # Django's catalogues capitalise a language's name, as a menu entry; French, Spanish and
    # Russian write it in lowercase within a sentence or a list.
    template = Template("{% load content_language %}{{ codes|language_names }}")
    with translation.override(language):
        assert template.render(Context({"codes": ["en", "ar"]})) == expected


@pytest.mark.parametrize(
    ("language", "english_button"),
    [
        ("fr", "English (anglais)"),
        ("es", "English (inglés)"),
        ("ar", "English (الإنجليزية)"),
        ("zh-hans", "English\uff08英语\uff09"),
    ],
)
def test_the_language_switcher_names_each_language_as_a_remark_in_the_pages_language(
    client, language, english_button
):
    # "English (Anglais)" capitalised the remark as a menu entry would; Chinese wrote it in
    # Latin brackets with a space.
    html = client.get(f"/{language}/language/").content.decode()

    button = re.search(r'<button[^>]*value="en"[^>]*>(.*?)</button>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s*\n\s*", "", button) == english_button


def test_the_translation_page_names_its_language_as_a_sentence_does(client):
    city = CityFactory(name="Tripoli", country="LB", summary="A port city.")
    client.force_login(CityOfficialFactory(city=city))

    with translation.override("fr"):
        html = client.get(CITY_EDITOR.address(city, "translate", language="ar")).content.decode()
        city_page = client.get(city.get_absolute_url()).content.decode()

    assert "Traduire « Tripoli, Liban » en arabe" in html
    # The note under the edit link, on a page whose language the city's texts wait for.
    assert "Pas encore traduit en français :" in city_page
