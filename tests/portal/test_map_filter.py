"""The cluster filter of /map/ works without JavaScript: the form reloads the page with
?cluster=, which narrows the tables and the GeoJSON the map fetches."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.models import Project
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _pilot(title, cluster, *cities):
    pilot = ProjectFactory(title=title)
    pilot.clusters.add(cluster)
    for city in cities:
        ClusterMembershipFactory(city=city, cluster=cluster)
        ProjectCityFactory(project=pilot, city=city)
    return pilot


def test_it_narrows_cities_and_links_to_one_cluster(client):
    water = ClusterFactory(name="Water test cluster", slug="water-test")
    transport = ClusterFactory(name="Transport test cluster", slug="transport-test")
    _pilot(
        "Water pilot",
        water,
        CityFactory(name="Lusaka", slug="lusaka"),
        CityFactory(name="Harare", slug="harare"),
    )
    _pilot(
        "Bus pilot",
        transport,
        CityFactory(name="Bogota", slug="bogota"),
        CityFactory(name="Lima", slug="lima"),
    )

    response = client.get(reverse("portal:map"), {"cluster": "water-test"})

    html = response.content.decode()
    assert response.context["selected_cluster"] == water
    assert ">Lusaka<" in html and ">Harare<" in html and "Water pilot" in html
    assert ">Bogota<" not in html and "Bus pilot" not in html
    assert 'data-geojson-url="/api/v1/map/?cluster=water-test&amp;lang=en"' in html
    assert '<option value="water-test" selected>' in html


def test_it_shows_everything_for_an_unknown_cluster(client):
    CityFactory(name="Lusaka", slug="lusaka")

    response = client.get(reverse("portal:map"), {"cluster": "no-such-cluster"})

    assert response.status_code == 200
    assert response.context["selected_cluster"] is None
    assert ">Lusaka<" in response.content.decode()
    assert 'data-geojson-url="/api/v1/map/?lang=en"' in response.content.decode()


def test_it_lists_the_first_cities_and_pilots_and_links_to_all_of_them(client, monkeypatch):
    monkeypatch.setattr("portal.search_views.MAP_TABLE_SIZE", 2)
    water = ClusterFactory(name="Water test cluster", slug="water-test")
    for days_ago, letter in ((3, "A"), (1, "B"), (2, "C")):
        pilot = _pilot(
            f"Pilot {letter}",
            water,
            CityFactory(name=f"{letter} city one"),
            CityFactory(name=f"{letter} city two"),
        )
        Project.objects.filter(pk=pilot.pk).update(
            published_at=timezone.now() - dt.timedelta(days=days_ago)
        )

    html = client.get(reverse("portal:map"), {"cluster": "water-test"}).content.decode()

    links_table, cities_table = html.split("6 cities", 1)
    assert ">A city one<" in cities_table and ">A city two<" in cities_table
    assert ">B city one<" not in cities_table
    # The newest pilots' links: B's and C's, not the older A's.
    assert ">B city one<" in links_table and ">C city one<" in links_table
    assert ">A city one<" not in links_table
    assert "6 cities" in html and "The first 2 cities of 6, by name." in html
    assert '<a href="/cities/?cluster=water-test">See the cluster\'s member cities</a>' in html
    assert "Pilot B" in links_table and "Pilot C" in links_table and "Pilot A" not in links_table
    assert "The links of the newest 2 pilots of 3." in html
    assert '<a href="/projects/?kind=pilot&amp;cluster=water-test">See all pilots</a>' in html
    # The script cannot narrow tables it holds only the start of: the filter reloads the page.
    assert 'data-complete="false"' in html


def test_it_says_nothing_of_a_first_part_when_the_tables_are_whole(client):
    _pilot("Water pilot", ClusterFactory(), CityFactory(name="Lusaka"), CityFactory(name="Harare"))

    html = client.get(reverse("portal:map")).content.decode()

    assert "2 cities" in html and "See all cities" not in html and "See all pilots" not in html
    assert 'data-complete="true"' in html


@pytest.mark.parametrize("prefix", ["", "/ar", "/fr"])
@pytest.mark.parametrize("query", ["", "?cluster=water-test"])
def test_it_reads_the_same_number_of_queries_for_few_and_many_cities(
    client, monkeypatch, prefix, query
):
    """In every language the tables read their rows' names at once, not row by row (each
    name's fallback reads its column in every language)."""
    monkeypatch.setattr("portal.search_views.MAP_TABLE_SIZE", 3)
    water = ClusterFactory(slug="water-test")

    def add_pilots(count):
        for _ in range(count):
            _pilot("Pilot", water, CityFactory(), CityFactory())

    url = f"{prefix}/map/{query}"
    add_pilots(1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_pilots(11)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()

    assert html.count('class="map-city-row"') == 3
    assert len(many.captured_queries) == len(few.captured_queries)


def test_it_lists_the_cities_by_the_name_it_shows_in_arabic_too(client):
    """Cities with no Arabic name yet show their own name and sort by it, among the others."""
    CityFactory(name="Zanzibar")
    CityFactory(name="Accra")
    CityFactory(name="Lusaka")
    amman = CityFactory(name="Amman")
    amman.name_ar = "عمّان"
    amman.save()

    html = client.get("/ar/map/").content.decode()

    rows = html[html.index('class="map-city-row"') :]
    positions = [rows.index(name) for name in ("Accra", "Lusaka", "Zanzibar", "عمّان")]
    assert positions == sorted(positions)
