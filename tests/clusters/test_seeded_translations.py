"""The seeded topics read in every language of the site, and the waste cluster's map colour can
be told from the agriculture cluster's (clusters/migrations 0012 and 0013)."""

import importlib
import re

import pytest
from django.apps import apps as installed_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.text import slugify

from clusters.models import Cluster, Topic
from core.charts import contrast_ratio
from portal.demo.translations import TOPICS as DEMO_TOPIC_NAMES

SEED_TOPICS = importlib.import_module("clusters.migrations.0010_seed_topics").SEED_TOPICS
NAMES = importlib.import_module("clusters.migrations.0012_seeded_topic_names_translated")
COLOUR = importlib.import_module("clusters.migrations.0013_waste_cluster_colour_brown")

BEFORE = ("clusters", "0011_topic_names_in_six_languages")
COLUMNS = ("name_en", "name_fr", "name_es", "name_ar", "name_ru", "name_zh_hans")
SEEDED_SLUGS = {slugify(name) for names in SEED_TOPICS.values() for name in names}
WASTE = "waste-management-green-cities-renewable-energy"
AGRICULTURE = "sustainable-agriculture-value-chains"
SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
}


def test_every_seeded_topic_has_a_name_in_each_language_written_in_its_script():
    english = {slugify(name): name for names in SEED_TOPICS.values() for name in names}
    assert set(NAMES.TOPIC_NAMES) == SEEDED_SLUGS
    assert len(SEEDED_SLUGS) == 37
    for slug, names in NAMES.TOPIC_NAMES.items():
        assert set(names) == set(NAMES.COLUMNS), slug
        for language, text in names.items():
            assert text and text == text.strip() and len(text) <= 150, (slug, language)
            assert text != english[slug], (slug, language)
            if language in SCRIPTS:
                assert SCRIPTS[language].search(text), (slug, language)


def test_the_names_are_unique_within_each_cluster_in_each_language():
    for names in SEED_TOPICS.values():
        for language in NAMES.COLUMNS:
            written = [NAMES.TOPIC_NAMES[slugify(name)][language] for name in names]
            assert len(set(written)) == len(written), language


def test_the_disaster_risk_names_are_the_demos():
    for slug, languages in DEMO_TOPIC_NAMES.items():
        assert {language: fields["name"] for language, fields in languages.items()} == (
            NAMES.TOPIC_NAMES[slug]
        )


def test_the_new_colour_stands_out_and_keeps_its_contrast_with_white():
    assert contrast_ratio(COLOUR.BROWN, "#ffffff") >= 7


# A flush (which ends every transactional test) puts the seeds of 0003 and 0010 back as they
# were written, so the state is made again here: back to 0011, then forward to the end.
@pytest.mark.django_db(transaction=True)
def test_after_migrating_the_seeded_topics_read_in_every_language_and_the_clusters_differ():
    executor = MigrationExecutor(connection)
    fully_migrated = executor.loader.graph.leaf_nodes()
    executor.migrate([BEFORE])
    executor.loader.build_graph()
    executor.migrate(fully_migrated)

    topics = Topic.objects.filter(slug__in=SEEDED_SLUGS)
    assert topics.count() == 37
    for row in topics.values("slug", *COLUMNS):
        for column in COLUMNS:
            assert row[column] and row[column].strip(), (row["slug"], column)
    assert Topic.objects.get(slug="open-data").name_fr == "Données ouvertes"
    assert Topic.objects.get(slug="disease-surveillance").name_ar == "مراقبة الأمراض"

    colours = dict(Cluster.objects.values_list("slug", "colour"))
    assert colours[WASTE] == "#6d4c41"
    assert colours[WASTE] != colours[AGRICULTURE]
    assert len(set(colours.values())) == len(colours)


@pytest.mark.django_db
def test_the_migration_leaves_names_an_editor_wrote_and_fills_only_empty_ones():
    Topic.objects.filter(slug="disease-surveillance").update(
        name_fr="Veille sanitaire", name_es="", name_ar=None
    )

    NAMES.fill_topic_names(installed_apps, None)

    topic = Topic.objects.get(slug="disease-surveillance")
    assert topic.name_fr == "Veille sanitaire"
    assert topic.name_es == "Vigilancia de enfermedades"
    assert topic.name_ar == "مراقبة الأمراض"
    assert topic.name_en == "Disease surveillance"


@pytest.mark.django_db
def test_the_migration_skips_a_name_another_topic_of_the_cluster_already_has():
    health = Cluster.objects.get(slug="covid-19-response-public-health")
    Topic.objects.filter(slug="disease-surveillance").update(name_fr=None)
    Topic.objects.filter(slug="health-data-systems").update(name_fr="Surveillance des maladies")
    assert health.topics.filter(slug="health-data-systems").exists()

    NAMES.fill_topic_names(installed_apps, None)

    assert Topic.objects.get(slug="disease-surveillance").name_fr is None
    assert Topic.objects.get(slug="health-data-systems").name_fr == "Surveillance des maladies"


@pytest.mark.django_db
def test_the_colour_migration_replaces_only_the_seeded_green():
    Cluster.objects.filter(slug=WASTE).update(colour="#558B2F")
    COLOUR.brown_waste_cluster(installed_apps, None)
    assert Cluster.objects.get(slug=WASTE).colour == "#6d4c41"

    Cluster.objects.filter(slug=WASTE).update(colour="#123456")
    COLOUR.brown_waste_cluster(installed_apps, None)
    assert Cluster.objects.get(slug=WASTE).colour == "#123456"
