"""The list of cities: filters by region, country and cluster; sorts by name or join date."""

import datetime as dt

import pytest

from cities.models import Region
from clusters.models import Cluster, MembershipRole
from core.models import PublicationStatus
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _names(response):
    return [city.name for city in response.context["cities"]]


@pytest.fixture
def cities():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    tripoli = CityFactory(
        name="Tripoli", country="LB", region=Region.ARAB_STATES, joined_on=dt.date(2022, 5, 1)
    )
    shenzhen = CityFactory(
        name="Shenzhen", country="CN", region=Region.ASIA_PACIFIC, joined_on=dt.date(2020, 1, 1)
    )
    nairobi = CityFactory(name="Nairobi", country="KE", region=Region.AFRICA, joined_on=None)
    ClusterMembershipFactory(cluster=drr, city=tripoli)
    ClusterMembershipFactory(cluster=drr, city=shenzhen, role=MembershipRole.LEAD)
    return tripoli, shenzhen, nairobi


def test_it_lists_cities_by_name_with_country_region_and_clusters(client, cities):
    response = client.get("/cities/")
    assert response.status_code == 200
    assert _names(response) == ["Nairobi", "Shenzhen", "Tripoli"]
    assert "Lebanon" in response.text
    assert "Arab States" in response.text
    assert "Disaster Risk Reduction and Mitigation in Resilient Cities (lead)" in response.text


def test_it_filters_by_region(client, cities):
    assert _names(client.get("/cities/?region=africa")) == ["Nairobi"]


def test_it_filters_by_country_offering_only_countries_that_have_cities(client, cities):
    response = client.get("/cities/?country=CN")
    assert _names(response) == ["Shenzhen"]
    assert '<option value="FR"' not in response.text
    assert '<option value="LB"' in response.text


def test_it_filters_by_cluster(client, cities):
    assert _names(client.get("/cities/?cluster=disaster-risk-reduction")) == ["Shenzhen", "Tripoli"]


def test_it_sorts_by_join_date_newest_or_oldest_with_undated_cities_last(client, cities):
    assert _names(client.get("/cities/?sort=newest")) == ["Tripoli", "Shenzhen", "Nairobi"]
    assert _names(client.get("/cities/?sort=oldest")) == ["Shenzhen", "Tripoli", "Nairobi"]


def test_it_sorts_by_the_name_it_shows_in_the_pages_language():
    """In Arabic a translated name sorts as written in Arabic, and a city with no Arabic name
    yet by its own name, among the others (not first because its Arabic column is empty)."""
    from django.test import Client

    tripoli = CityFactory(name="Tripoli")
    tripoli.name_ar = "طرابلس"
    tripoli.save()
    CityFactory(name="Zanzibar")
    CityFactory(name="Accra")

    arabic = _names(Client().get("/ar/cities/"))
    english = _names(Client().get("/cities/"))

    assert arabic == ["Accra", "Zanzibar", "طرابلس"]
    assert english == ["Accra", "Tripoli", "Zanzibar"]


@pytest.mark.parametrize(
    "query", ["region=atlantis", "country=XX", "cluster=no-such-cluster", "sort=random", "page=zzz"]
)
def test_it_shows_the_form_error_for_a_bad_filter_value_instead_of_failing(client, cities, query):
    response = client.get(f"/cities/?{query}")
    assert response.status_code == 200
    if not query.startswith("page"):
        assert "Some filters could not be used" in response.text
    assert len(_names(response)) == 3


def test_it_says_so_when_nothing_matches(client, cities):
    response = client.get("/cities/?region=latin_america_caribbean")
    assert "No city matches these filters" in response.text


def test_it_paginates_and_keeps_the_filters_in_the_page_links(client):
    CityFactory.create_batch(30, region=Region.AFRICA)
    response = client.get("/cities/?region=africa")
    assert len(_names(response)) == 24
    assert 'href="?region=africa&amp;page=2"' in response.text
    assert len(_names(client.get("/cities/?region=africa&page=2"))) == 6


def test_each_city_counts_the_published_pilots_it_takes_part_in(client):
    tripoli = CityFactory(name="Tripoli")
    CityFactory(name="Accra")
    for project in ProjectFactory.create_batch(2):
        ProjectCityFactory(project=project, city=tripoli)
    ProjectCityFactory(
        project=ProjectFactory(status=PublicationStatus.DRAFT, published_at=None), city=tripoli
    )

    listed = {city.name: city.project_count for city in client.get("/cities/").context["cities"]}

    assert listed == {"Accra": 0, "Tripoli": 2}
    assert "2 pilots" in client.get("/cities/").content.decode()
