"""`among(ids)`: the rows of these ids, in one query even for none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import City
from core.selectors import among
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def test_it_finds_the_rows_of_the_ids_given_and_only_those():
    tripoli, shenzhen, _other = CityFactory(), CityFactory(), CityFactory()

    found = City.objects.filter(among([tripoli.pk, shenzhen.pk, 10**9]))

    assert sorted(city.pk for city in found) == sorted([tripoli.pk, shenzhen.pk])


def test_it_asks_the_database_even_for_no_ids_and_finds_nothing():
    CityFactory()

    with CaptureQueriesContext(connection) as queries:
        assert list(City.objects.filter(among([]))) == []

    assert len(queries) == 1


def test_it_combines_with_other_conditions_and_excludes():
    kept, dropped = CityFactory(country="LB"), CityFactory(country="KE")

    assert list(City.objects.filter(among([kept.pk, dropped.pk]), country="LB")) == [kept]
    assert list(City.objects.exclude(among([dropped.pk])).filter(pk=kept.pk)) == [kept]


@pytest.mark.postgres
def test_on_postgresql_the_ids_go_as_one_array_however_many_there_are():
    cities = [CityFactory() for _ in range(3)]
    ids = [city.pk for city in cities] + list(range(10**9, 10**9 + 997))

    with CaptureQueriesContext(connection) as queries:
        assert City.objects.filter(among(ids)).count() == 3

    # Django's IN lookup sends (and prepares) one parameter per id: here one array.
    assert "= ANY(ARRAY[" in queries[0]["sql"]
    assert " IN (" not in queries[0]["sql"]
