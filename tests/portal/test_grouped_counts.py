"""Counts in the thousands are written with the reader's language's digit grouping: at full size
the lists said "5036 cities", and the statistics "19988" pilots."""

import pytest
from django.core.cache import cache

from cities.models import City
from clusters.models import Cluster, ClusterMembership
from tests.factories import CityFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

MANY = 1_234


@pytest.fixture
def many_member_cities():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    cities = City.objects.bulk_create(CityFactory.build_batch(MANY))
    ClusterMembership.objects.bulk_create(
        ClusterMembership(cluster=drr, city=city) for city in cities
    )
    cache.clear()


@pytest.mark.parametrize(
    ("address", "written"),
    [
        ("/cities/", "1,234 cities"),
        ("/fr/cities/", "1\xa0234 villes"),
        # Django's Arabic formats grouped no digits ("1234"); with the Latin digits the portal
        # writes, Arabic groups them as English does (config/formats/ar).
        ("/ar/cities/", "1,234 مدينة"),
        # Django's Chinese formats grouped none either ("1234"); config/formats/zh_Hans.
        ("/zh-hans/cities/", "1,234 个城市"),
    ],
)
def test_the_city_list_groups_the_thousands_of_its_count(
    client, many_member_cities, address, written
):
    response = client.get(address)

    assert written in response.content.decode()


def test_the_statistics_group_the_thousands_of_their_totals(client, many_member_cities):
    english = client.get("/statistics/").content.decode()
    french = client.get("/fr/statistics/").content.decode()

    assert 'id="total-member-cities">1,234<' in english
    assert 'id="total-member-cities">1\xa0234<' in french
    # The chart of cities by region writes its bar's value, and its table's, the same way.
    assert ">1,234</text>" in english
    assert "<td>1,234</td>" in english


def test_the_editors_translation_queue_groups_the_thousands_of_each_count(
    client, many_member_cities
):
    client.force_login(StaffUserFactory())

    html = client.get("/editor/translations/", {"language": "fr", "type": "cities.city"}).content
    html = html.decode()

    assert '<span class="count">(1,234)</span>' in html


def test_an_arabic_city_page_writes_its_population_and_coordinates_as_arabic_readers_read_them(
    client,
):
    # Django's Arabic decimal comma made Tripoli's latitude "34,437", thirty-four thousand to a
    # reader, and its population "230000".
    city = CityFactory(population=230_000, latitude=34.437, longitude=35.85)

    html = client.get(f"/ar/cities/{city.slug}/").content.decode()

    assert "230,000" in html
    assert "34.437" in html
    assert "34,437" not in html
