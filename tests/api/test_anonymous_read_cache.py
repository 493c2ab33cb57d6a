"""Public API reads are kept for a minute, shared by anonymous and signed-in readers who see the
same (UN staff, who also read drafts, share their own); an edit of public content forgets them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from tests.factories import ClusterFactory, ResourceFactory, StaffUserFactory, UserFactory

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


def test_it_shows_a_signed_in_client_a_new_resource_at_once(
    api, django_capture_on_commit_callbacks
):
    api.get("/api/v1/resources/")
    with django_capture_on_commit_callbacks(execute=True):
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


def calls_to(monkeypatch, owner, name) -> list:
    """A list that gets one entry per call of owner.name from now on (which still runs)."""
    calls = []
    original = getattr(owner, name)

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_it_serves_the_rendered_bytes_again_without_serializing_or_encoding(api, monkeypatch):
    ResourceFactory(title="Early warning handbook")
    first = api.get("/api/v1/resources/?page_size=5")
    renders = calls_to(monkeypatch, JSONRenderer, "render")

    second = api.get("/api/v1/resources/?page_size=5")

    assert renders == []
    assert second.content == first.content
    for header in ("Content-Type", "ETag", "Vary", "Allow", "Cache-Control"):
        assert second.get(header) == first.get(header), header


def test_it_answers_a_conditional_request_for_a_cached_answer_with_304(api):
    ResourceFactory(title="Early warning handbook")
    etag = api.get("/api/v1/resources/")["ETag"]
    api.get("/api/v1/resources/")

    conditional = api.get("/api/v1/resources/", HTTP_IF_NONE_MATCH=etag)

    assert conditional.status_code == 304
    assert conditional.content == b""


def test_a_signed_in_reader_shares_the_public_answer_without_querying_the_content(api):
    ResourceFactory(title="Early warning handbook")
    first = api.get("/api/v1/resources/")
    browser = APIClient()
    browser.force_login(UserFactory())

    with CaptureQueriesContext(connection) as queries:
        second = browser.get("/api/v1/resources/")

    assert second.json() == first.json()
    # The session and the user (are they staff?): no resource is read.
    assert not [q for q in queries.captured_queries if "resources_resource" in q["sql"]]


def test_staff_who_read_drafts_never_share_the_public_answer(api):
    ResourceFactory(title="Early warning handbook")
    draft = ResourceFactory(title="Draft handbook", status="draft")
    api.get("/api/v1/resources/")
    staff = APIClient()
    staff.force_login(StaffUserFactory())

    titles = [item["title"] for item in staff.get("/api/v1/resources/").json()["results"]]
    public = [item["title"] for item in api.get("/api/v1/resources/").json()["results"]]

    assert draft.title in titles
    assert draft.title not in public


def test_a_readers_own_rows_are_never_kept_for_another(settings):
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        client = APIClient()
        client.force_login(user)
        answer = client.get("/api/v1/subscriptions/").json()
        assert answer["count"] == 0
    Subscription = first.subscriptions.model
    Subscription.objects.create(user=first, cluster=ClusterFactory())
    reader = APIClient()
    reader.force_login(first)
    assert reader.get("/api/v1/subscriptions/").json()["count"] == 1


def test_it_renders_the_browsable_api_afresh_for_every_visitor(api):
    # Its HTML carries a CSRF token: keeping it would hand one visitor's token to the next.
    ResourceFactory(title="Early warning handbook")
    api.get("/api/v1/resources/", HTTP_ACCEPT="text/html")

    with CaptureQueriesContext(connection) as queries:
        second = api.get("/api/v1/resources/", HTTP_ACCEPT="text/html")

    assert second.status_code == 200
    assert "Early warning handbook" in second.content.decode()
    assert len(queries) > 0


@pytest.mark.redis
def test_it_answers_a_cached_anonymous_read_in_one_round_trip_to_redis(api, monkeypatch):
    # The throttle's count and the stored answer travel together: the request path's only cost.
    from redis.connection import AbstractConnection

    ResourceFactory(title="Early warning handbook")
    first = api.get("/api/v1/resources/")
    sent = calls_to(monkeypatch, AbstractConnection, "send_packed_command")

    second = api.get("/api/v1/resources/")

    assert second.content == first.content
    assert len(sent) == 1


def test_a_client_that_accepts_gzip_gets_the_kept_answer_compressed_once(api, monkeypatch):
    """Kept gzipped: a hit compresses nothing (compressing every hit of a list halved the
    requests a second the API served), and a client without gzip gets plain JSON."""
    import gzip
    import json

    import core.middleware

    ResourceFactory(title="Early warning handbook")
    gzip_client = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    first = api.get("/api/v1/resources/", **gzip_client)
    compressions = []
    monkeypatch.setattr(
        core.middleware,
        "gzipped",
        lambda *args, _original=core.middleware.gzipped, **kwargs: (
            compressions.append(1) or _original(*args, **kwargs)
        ),
    )
    with CaptureQueriesContext(connection) as queries:
        second = api.get("/api/v1/resources/", **gzip_client)
    plain = api.get("/api/v1/resources/")

    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in second["Vary"]
    assert second.content == first.content
    assert json.loads(gzip.decompress(second.content))["results"][0]["title"] == (
        "Early warning handbook"
    )
    assert len(queries) == 0 and compressions == []
    assert not plain.has_header("Content-Encoding")
    assert plain.json()["results"][0]["title"] == "Early warning handbook"
    # Another representation of the same answer: a weak ETag, which a 304 still honours.
    assert second["ETag"] == "W/" + plain["ETag"]
    conditional = api.get("/api/v1/resources/", HTTP_IF_NONE_MATCH=second["ETag"], **gzip_client)
    assert conditional.status_code == 304


def test_a_304_repeats_that_the_answer_varies_by_encoding(api):
    ResourceFactory(title="Early warning handbook")
    etag = api.get("/api/v1/resources/")["ETag"]

    conditional = api.get("/api/v1/resources/", HTTP_IF_NONE_MATCH=etag)

    assert conditional.status_code == 304
    assert "Accept-Encoding" in conditional["Vary"]
