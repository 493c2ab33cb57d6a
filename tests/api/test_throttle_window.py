"""Throttles count per fixed window: one counter per client, a 429 with Retry-After until the
window ends, a whole budget again in the next one; on Redis and on the local-memory cache."""

import datetime as dt

import pytest
from django.core.cache import caches

from core.cache import ResilientRedisCache
from tests.api.conftest import error_of

pytestmark = pytest.mark.django_db

# A minute that starts on a window boundary (the epoch is a multiple of 60 s away).
WINDOW_START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def rates(settings):
    def set_rates(anon="3/minute", user="5/minute", write="2/minute"):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user, "write": write},
        }

    return set_rates


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def each_cache(request, settings):
    """The local-memory cache of development and tests, and Redis as in production."""
    if request.param == "locmem":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "throttle-window-tests",
            }
        }
    else:
        assert isinstance(caches["default"], ResilientRedisCache)
    caches["default"].clear()
    yield
    caches["default"].clear()


def read_statuses(api, count):
    return [api.get("/api/v1/organizations/").status_code for _ in range(count)]


def test_it_counts_an_anonymous_client_against_the_anonymous_budget_only(api, rates, each_cache):
    # Anonymous clients get the "anon" budget even when the signed-in one is smaller.
    rates(anon="3/minute", user="1/minute")

    assert read_statuses(api, 4) == [200, 200, 200, 429]


def test_it_tells_a_throttled_client_to_come_back_when_the_window_ends(
    api, rates, time_machine, each_cache
):
    rates(anon="2/minute")
    time_machine.move_to(WINDOW_START + dt.timedelta(seconds=15), tick=False)

    statuses = read_statuses(api, 2)
    throttled = api.get("/api/v1/organizations/")

    assert statuses == [200, 200]
    assert throttled.status_code == 429
    assert throttled["Retry-After"] == "45"
    assert error_of(throttled)["code"] == "throttled"


def test_it_gives_the_whole_budget_again_in_the_next_window(api, rates, time_machine, each_cache):
    rates(anon="2/minute")
    time_machine.move_to(WINDOW_START + dt.timedelta(seconds=50), tick=False)
    assert read_statuses(api, 3) == [200, 200, 429]

    time_machine.move_to(WINDOW_START + dt.timedelta(seconds=61), tick=False)

    assert read_statuses(api, 3) == [200, 200, 429]


@pytest.mark.redis
def test_it_keeps_one_counter_per_client_in_redis_that_expires_with_its_window(api, rates):
    backend = caches["default"]
    assert isinstance(backend, ResilientRedisCache)
    rates(anon="2/minute")

    statuses = read_statuses(api, 3)
    throttled = api.get("/api/v1/organizations/")

    assert statuses == [200, 200, 429]
    assert 1 <= int(throttled["Retry-After"]) <= 60
    client = backend._cache.get_client(write=False)
    keys = [key.decode() for key in client.scan_iter("*throttle_anon_*")]
    assert len(keys) == 1
    assert int(client.get(keys[0])) == 4
    assert 0 < client.ttl(keys[0]) <= 60
