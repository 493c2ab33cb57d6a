"""`make test` runs a pytest-xdist worker per core against one Redis: each worker gets a Redis
database of its own, so one worker's cache.clear() (a FLUSHDB) cannot empty another's cache
in the middle of a test. Settings are read once per process, so each case starts a fresh one."""

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def redis_url_seen_by(worker: str | None, redis_url: str, tmp_path) -> subprocess.CompletedProcess:
    child_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTEST_XDIST_WORKER", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_ENV"}
    }
    child_env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=redis_url,
    )
    if worker:
        child_env["PYTEST_XDIST_WORKER"] = worker
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; "
            "print(settings.REDIS_URL, settings.CACHES['default']['LOCATION'], "
            "settings.CELERY_BROKER_URL)",
        ],
        cwd=REPO_ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_gives_each_worker_its_own_redis_database_for_cache_and_broker(tmp_path):
    first = redis_url_seen_by("gw0", "redis://127.0.0.1:6379/15", tmp_path)
    second = redis_url_seen_by("gw1", "redis://127.0.0.1:6379/15", tmp_path)

    assert first.stdout.split() == ["redis://127.0.0.1:6379/15"] * 3
    assert second.stdout.split() == ["redis://127.0.0.1:6379/14"] * 3


def test_it_leaves_redis_alone_outside_a_parallel_run(tmp_path):
    result = redis_url_seen_by(None, "redis://127.0.0.1:6379/15", tmp_path)

    assert result.stdout.split() == ["redis://127.0.0.1:6379/15"] * 3


def test_it_says_so_when_the_configured_database_leaves_none_for_a_worker(tmp_path):
    result = redis_url_seen_by("gw1", "redis://127.0.0.1:6379/1", tmp_path)

    assert result.returncode != 0
    assert "leaves no Redis database per test worker" in result.stderr
