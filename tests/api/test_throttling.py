"""Too many requests get a JSON 429 with Retry-After; writes have a tighter budget than reads."""

import pytest

from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute", "write": "2/minute"},
    }


def test_it_throttles_anonymous_reads_with_retry_after(api, tight_rates):
    statuses = [api.get("/api/v1/organizations/").status_code for _ in range(4)]
    throttled = api.get("/api/v1/organizations/")

    assert statuses == [200, 200, 200, 429]
    assert int(throttled["Retry-After"]) > 0
    assert error_of(throttled)["code"] == "throttled"


def test_it_throttles_writes_before_reads_for_a_signed_in_person(cast, tight_rates):
    client = cast.client_for("plain")

    writes = [
        client.post("/api/v1/subscriptions/", {"city": slug}, format="json").status_code
        for slug in ("tripoli", "shenzhen", "tripoli")
    ]
    read = client.get("/api/v1/subscriptions/")

    assert writes == [201, 201, 429]
    assert read.status_code == 200
