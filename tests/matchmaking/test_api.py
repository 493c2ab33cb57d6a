"""/api/v1/cities/<slug>/matches/: documented, readable by anyone, a clear 404 for no city."""

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


def test_the_schema_documents_the_matches_endpoint():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    operation = schema["paths"]["/api/v1/cities/{slug}/matches/"]["get"]
    assert "Suggestions for a city" in operation["summary"]
    assert {"200", "404"} <= set(operation["responses"])
    assert {} in operation["security"]  # anonymous reads allowed
    match = schema["components"]["schemas"]["Match"]["properties"]
    assert {"kind", "reasons", "score", "score_parts", "topic", "propose_url"} <= set(match)


def test_an_unknown_city_is_a_json_404(client):
    response = client.get("/api/v1/cities/atlantis/matches/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_city_without_needs_has_an_empty_list(client, world):
    response = client.get("/api/v1/cities/beirut/matches/")

    assert response.json() == {"city": "beirut", "count": 0, "results": []}


def test_writes_are_refused(client, world):
    client.force_login(world.official)

    response = client.post("/api/v1/cities/tripoli/matches/", {}, content_type="application/json")

    assert response.status_code in {403, 405}


def test_a_repeated_read_is_answered_from_the_shared_cache(client, world, settings):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    world.refresh()
    first = client.get("/api/v1/cities/tripoli/matches/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/v1/cities/tripoli/matches/")

    assert again.json() == first.json() and first.json()["count"] > 0
    assert len(queries) == 0
    cache.clear()
