"""{{ label|spaced_label }}: a label and the space after it, as the reader's script spaces it."""

import pytest
from django.template import engines
from django.utils import translation

from tests.factories import EventFactory

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
