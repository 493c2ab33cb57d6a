"""The hand-written translations of the demo content (portal/demo/translations.py) are complete.

A visitor who switches the portal to French, Spanish, Arabic, Chinese or Russian must not meet a
demo cluster, city, the Tripoli-Shenzhen pilot, the NDRCC news item or a real training series
left in English, blank, or in the wrong script; and the keys must name the rows `load_demo`
writes, or the translations would never reach a page.
"""

import importlib
import re
from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils.text import slugify

from core.templatetags.markdown import render_markdown
from portal.demo import data
from portal.demo.translations import LANGUAGES, TRANSLATED_FIELDS, TRANSLATIONS, child_key

SEED = importlib.import_module("clusters.migrations.0003_seed_seven_clusters")
TOPIC_SEED = importlib.import_module("clusters.migrations.0010_seed_topics")

SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
# French and Spanish write many city names as English does (Nairobi, Lima, Shenzhen...).
SAME_AS_ENGLISH_ALLOWED = {("cities.city", "name", "fr"), ("cities.city", "name", "es")}


def _texts(label: str, spec: dict) -> dict[str, str]:
    return {name: spec.get(name, "") for name in TRANSLATED_FIELDS[label]}


def english_sources() -> dict[str, dict[str, dict[str, str]]]:
    """Every English text the demo writes for the objects that must be translated."""
    clusters = {spec["slug"]: spec for spec in SEED.SEVEN_CLUSTERS}
    projects = {spec["slug"]: spec for spec in data.PROJECTS}
    resources = {spec["slug"]: spec for spec in data.RESOURCES}
    series = {spec["slug"]: spec for spec in data.TRAINING_SERIES}
    pilot = projects[data.LEBANON_PILOT]
    return {
        "clusters.cluster": {
            slug: _texts("clusters.cluster", clusters[slug]) for slug in data.ALL_CLUSTERS
        },
        "cities.city": {spec["slug"]: _texts("cities.city", spec) for spec in data.CITIES},
        "projects.project": {
            slug: _texts("projects.project", projects[slug])
            for slug in (data.PROGRAMME, data.LEBANON_PILOT)
        },
        "projects.milestone": {
            child_key(pilot["slug"], title): {"title": title, "description": description}
            for title, description, _due_on, _completed_on in pilot["milestones"]
        },
        "projects.projectupdate": {
            child_key(pilot["slug"], title): {"title": title, "body": body}
            for title, body, _published_at in pilot["updates"]
        },
        "resources.resource": {
            data.NDRCC_VISIT_NEWS: _texts("resources.resource", resources[data.NDRCC_VISIT_NEWS])
        },
        "events.trainingseries": {
            slug: _texts("events.trainingseries", series[slug])
            for slug in data.REAL_TRAINING_SERIES
        },
        "clusters.topic": {
            slugify(name): {"name": name} for name in TOPIC_SEED.SEED_TOPICS[data.DRR]
        },
    }


def translated_values():
    """(label, key, language, field, text, English text) for every translated value."""
    sources = english_sources()
    for label, rows in TRANSLATIONS.items():
        for key, languages in rows.items():
            for language, fields in languages.items():
                for field, text in fields.items():
                    yield label, key, language, field, text, sources[label][key][field]


def rendered_tags(text: str) -> Counter:
    """How many of each HTML element the portal's Markdown rendering makes of `text`."""
    return Counter(re.findall(r"<([a-z0-9]+)[ >]", render_markdown(text)))


def test_the_languages_are_the_sites_languages_other_than_english():
    site_languages = {code for code, _name in settings.LANGUAGES}
    assert set(LANGUAGES) == site_languages - {settings.LANGUAGE_CODE}
    assert set(TRANSLATIONS) == set(TRANSLATED_FIELDS)


def test_every_promised_demo_object_is_translated_and_nothing_else():
    sources = english_sources()
    assert len(sources["clusters.cluster"]) == 7
    assert len(sources["cities.city"]) == 36
    assert len(sources["events.trainingseries"]) == 4
    for label, rows in sources.items():
        assert set(TRANSLATIONS[label]) == set(rows), label


def test_each_object_has_every_language_and_every_field_with_an_english_text():
    for label, rows in english_sources().items():
        for key, english in rows.items():
            expected_fields = {field for field, text in english.items() if text}
            translation = TRANSLATIONS[label][key]
            assert set(translation) == set(LANGUAGES), (label, key)
            for language in LANGUAGES:
                assert set(translation[language]) == expected_fields, (label, key, language)


def test_no_value_is_blank_or_left_in_english():
    for label, key, language, field, text, english in translated_values():
        where = (label, key, language, field)
        assert text.strip(), where
        assert text == text.strip(), where
        if (label, field, language) not in SAME_AS_ENGLISH_ALLOWED:
            assert text != english, where


def test_each_value_is_written_in_the_script_of_its_language():
    for label, key, language, field, text, _english in translated_values():
        where = (label, key, language, field)
        if language in SCRIPTS:
            assert SCRIPTS[language].search(text), where
        for other_language, script in SCRIPTS.items():
            if other_language != language:
                assert not script.search(text), (*where, other_language)


def test_each_value_fits_its_database_column():
    for label, key, language, field, text, _english in translated_values():
        max_length = apps.get_model(label)._meta.get_field(field).max_length
        if max_length is not None:
            assert len(text) <= max_length, (label, key, language, field, len(text))


def test_markdown_texts_render_to_the_same_elements_as_the_english():
    for label, key, language, field, text, english in translated_values():
        assert rendered_tags(text) == rendered_tags(english), (label, key, language, field)


@pytest.mark.django_db
def test_the_keys_name_the_rows_load_demo_writes_with_the_english_texts(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    for label, rows in english_sources().items():
        model = apps.get_model(label)
        for key, english in rows.items():
            if label in ("projects.milestone", "projects.projectupdate"):
                project_slug, title = key.split(":", 1)
                row = model.objects.get(project__slug=project_slug, title=title)
            else:
                row = model.objects.get(slug=key)
            # Every translatable field, empty ones included: a text added later needs translating.
            written = {field: getattr(row, field) for field in TRANSLATED_FIELDS[label]}
            assert written == english, (label, key)
