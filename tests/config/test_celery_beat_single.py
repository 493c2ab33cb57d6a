"""Exactly one celery beat: a second one, on any node, exits at start (real Redis)."""

import pytest
from redis import Redis

from config.beat import LOCK_KEY, SingleBeatScheduler
from config.celery import app

pytestmark = pytest.mark.redis


@pytest.fixture
def clean_lock(settings):
    client = Redis.from_url(settings.REDIS_URL)
    client.delete(LOCK_KEY)
    yield client
    client.delete(LOCK_KEY)


def beat(tmp_path, name):
    return SingleBeatScheduler(app=app, schedule_filename=str(tmp_path / name))


def test_a_second_beat_exits_while_the_first_runs_and_may_start_once_it_has_stopped(
    tmp_path, clean_lock
):
    first = beat(tmp_path, "node-a")
    first.tick()

    with pytest.raises(SystemExit, match="Another celery beat is running"):
        beat(tmp_path, "node-b")

    first.close()
    second = beat(tmp_path, "node-b")
    assert clean_lock.ttl(LOCK_KEY) > 0
    second.close()
    assert not clean_lock.exists(LOCK_KEY)
