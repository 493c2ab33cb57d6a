"""Hazards stored in another language before hazards were stored by key become their key
(cities/migrations/0011_hazards_stored_by_key.py)."""

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cities.models import City, TaggedHazard
from cities.selectors import cities_facing
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("cities.migrations.0011_hazards_stored_by_key")


def migrate_hazards():
    state = MigrationExecutor(connection).loader.project_state(
        ("cities", "0011_hazards_stored_by_key")
    )
    MIGRATION.hazards_by_key(state.apps, SimpleNamespace(connection=connection))


def stored(city: City) -> set[str]:
    return set(TaggedHazard.objects.filter(content_object=city).values_list("tag__name", flat=True))


def test_hazards_typed_in_other_languages_become_their_keys(client):
    tripoli = CityFactory(name="Tripoli")
    tripoli.hazards.add("فيضان", "Séisme", "sandstorm", "Heatwave")
    # Another city already has the key: both share one tag.
    CityFactory().hazards.add("flood")

    migrate_hazards()

    assert stored(tripoli) == {"flood", "earthquake", "sandstorm", "Heatwave"}
    # The English page names them in English, and a search for floods finds the city.
    page = client.get(tripoli.get_absolute_url()).content.decode()
    assert "فيضان" not in page
    assert ">flood<" in page
    assert City.objects.filter(cities_facing(["flood"])).filter(pk=tripoli.pk).exists()


def test_a_hazard_the_city_has_by_key_is_not_added_twice():
    city = CityFactory()
    city.hazards.add("flood", "Inondation", "فيضان")

    migrate_hazards()

    assert stored(city) == {"flood"}
    assert TaggedHazard.objects.filter(content_object=city).count() == 1
