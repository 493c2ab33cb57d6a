"""The Redis cache reuses one client per connection pool instead of building one per call."""

import pytest
from django.core.cache import caches

from core.cache import ResilientRedisCache

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def test_every_call_on_one_server_goes_through_the_same_client():
    cache = caches["default"]
    assert isinstance(cache, ResilientRedisCache)
    client = cache._cache.get_client("page")

    cache.set("page", {"html": "<p>x</p>"}, 30)

    assert cache.get("page") == {"html": "<p>x</p>"}
    assert cache._cache.get_client("other", write=True) is client
    assert cache._cache.get_client("page") is client


def test_a_new_connection_pool_gets_a_client_of_its_own():
    cache = caches["default"]
    old = cache._cache.get_client("page")
    cache._cache._pools.clear()  # as if the pool had been replaced

    new = cache._cache.get_client("page")

    assert new is not old
    assert new.connection_pool is not old.connection_pool
    cache.set("page", "html", 30)
    assert cache.get("page") == "html"
