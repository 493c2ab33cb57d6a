"""The city page's suggestions and the matches endpoint ask the database as often for 2 matches
of each kind as for 8: precomputed rows, then one query per kind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import OrganizationOffer
from cities.models import CityOffer
from tests.factories import (
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PartnerFactory,
    ProjectFactory,
)


def _grow(world, size):
    for _index in range(size):
        CityOffer.objects.create(city=CityFactory(), topic=world.early_warning)
        pilot = ProjectFactory(phase="active")
        pilot.topics.add(world.governance)
        EventFactory().topics.add(world.early_warning)
        OrganizationOffer.objects.create(organization=OrganizationFactory(), topic=world.governance)
    return len(world.refresh())


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("url", ["/cities/tripoli/", "/api/v1/cities/tripoli/matches/"])
def test_suggestions_cost_the_same_queries_for_a_few_and_for_many(client, world, url, signed_in):
    if signed_in:
        client.force_login(world.official)
    few = _grow(world, 1)
    small, _response = _count(client, url)

    many = _grow(world, 7)
    large, response = _count(client, url)

    assert many > few + 20
    assert large == small
    if url.startswith("/api/"):
        assert response.json()["count"] == many


def test_the_city_page_shows_the_best_few_and_the_api_all(client, world):
    total = _grow(world, 8)

    page = client.get("/cities/tripoli/").content.decode()
    api = client.get("/api/v1/cities/tripoli/matches/").json()

    assert page.count('class="suggestion suggestion-') == 6
    assert api["count"] == total
    scores = [item["score"] for item in api["results"]]
    assert scores == sorted(scores, reverse=True)


def test_my_portal_shows_an_officials_suggestions_at_a_fixed_cost(client, world):
    client.force_login(world.official)
    _grow(world, 1)
    small, response = _count(client, "/me/")
    assert "Suggested for Tripoli" in response.content.decode()

    _grow(world, 7)
    large, _response = _count(client, "/me/")

    assert large == small


def test_my_portal_shows_no_suggestions_to_someone_who_is_no_city_official(client, world):
    world.refresh()
    client.force_login(PartnerFactory())

    assert "Suggested for" not in client.get("/me/").content.decode()


def test_a_refresh_reads_each_table_without_sorting_joins(world):
    """At 5,000 cities a refresh runs once per city: the model's default ordering (by cluster
    and city name) made the membership query join and sort, a second per city."""
    _grow(world, 3)
    with CaptureQueriesContext(connection) as queries:
        world.refresh()

    memberships = [
        query["sql"]
        for query in queries.captured_queries
        if 'FROM "clusters_clustermembership"' in query["sql"]
    ]
    assert memberships
    assert not [sql for sql in memberships if "ORDER BY" in sql or '"cities_city"' in sql]
