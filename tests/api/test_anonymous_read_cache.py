"""Anonymous API reads are kept for a minute; signed-in clients always read the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def read_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_it_answers_a_repeated_anonymous_list_without_querying_the_database(api):
    ResourceFactory(title="Early warning handbook")
    first = api.get("/api/v1/resources/")
    with CaptureQueriesContext(connection) as queries:
        second = api.get("/api/v1/resources/")
    assert len(queries) == 0
    assert second.json() == first.json()
    assert second["ETag"] == first["ETag"]


def test_it_keeps_each_page_and_filter_apart(api):
    ResourceFactory(title="Early warning handbook", kind="guide")
    api.get("/api/v1/resources/?kind=guide")
    assert api.get("/api/v1/resources/?kind=news").json()["count"] == 0


def test_it_shows_a_signed_in_client_a_new_resource_at_once(api):
    api.get("/api/v1/resources/")
    ResourceFactory(title="Published a second ago")
    signed_in = APIClient()
    signed_in.force_authenticate(UserFactory())
    titles = [item["title"] for item in signed_in.get("/api/v1/resources/").json()["results"]]
    assert "Published a second ago" in titles


def test_it_still_throttles_cached_anonymous_reads(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "100/minute", "write": "100/minute"},
    }
    statuses = [api.get("/api/v1/resources/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
