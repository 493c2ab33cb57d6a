"""With Redis down, the cache behaves as empty: pages, the API and sign-in still answer.

Found by the soak test: a Redis restart turned every page into a 500 (page cache, throttles).
"""

import socket

import pytest
from django.core.cache import cache

from core.cache import ResilientRedisCache

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_it_treats_an_unreachable_redis_as_an_empty_cache(redis_down):
    from django.core.cache import caches

    assert isinstance(caches["default"], ResilientRedisCache)
    assert cache.get("page", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("page", "html")
    assert cache.add("one-time-code", "used") is False
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert cache.delete("page") is False


def test_it_serves_pages_and_the_api_and_refuses_sign_in_politely_while_redis_is_down(
    client, redis_down
):
    assert client.get("/").status_code == 200
    assert client.get("/clusters/").status_code == 200
    assert client.get("/api/v1/clusters/").status_code == 200
    # Brute-force limits cannot be counted without Redis: sign-in fails closed ("try again
    # later"), never with a server error.
    signed_in = client.post("/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    assert signed_in.status_code == 429
