"""`make test` runs a pytest-xdist worker per core against one Redis: each worker gets a Redis
database of its own (tests/xdist_workers.py), so one worker's cache.clear() (a FLUSHDB) cannot
empty another's cache in the middle of a test."""

import pytest

from tests.xdist_workers import redis_url_for_worker


def test_the_plugin_is_loaded_by_every_pytest_run(request):
    assert request.config.pluginmanager.has_plugin("tests.xdist_workers")


def test_it_gives_each_worker_its_own_redis_database():
    url = "redis://127.0.0.1:6379/15"

    assert redis_url_for_worker(url, "gw0") == "redis://127.0.0.1:6379/15"
    assert redis_url_for_worker(url, "gw1") == "redis://127.0.0.1:6379/14"
    assert redis_url_for_worker(url, "gw3") == "redis://127.0.0.1:6379/12"


def test_it_leaves_redis_alone_outside_a_parallel_run():
    assert redis_url_for_worker("redis://127.0.0.1:6379/15", "") == "redis://127.0.0.1:6379/15"
    assert redis_url_for_worker("", "gw1") == ""


def test_it_never_hands_a_worker_the_development_database():
    with pytest.raises(pytest.UsageError, match="leaves no Redis database for test worker gw1"):
        redis_url_for_worker("redis://127.0.0.1:6379/1", "gw1")
