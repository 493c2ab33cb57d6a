"""A pytest plugin (pyproject's addopts load it with `-p`): each pytest-xdist worker gets a
Redis database of its own.

`make test` runs a worker per core against one Redis. The worker rewrites REDIS_URL's database
number in its environment before pytest-django reads the settings (gw0 keeps the configured
database, gw1 takes the one below, ...), so one worker's `cache.clear()` (a FLUSHDB), rate-limit
counters or Celery queue never reach another's. Processes a test starts inherit the rewritten
variable, and the settings stay unaware of pytest. The test databases need no such help:
pytest-django names one per worker.
"""

import os
from urllib.parse import urlsplit, urlunsplit

import pytest


def redis_url_for_worker(url: str, worker_id: str) -> str:
    """`redis://host:6379/15` for gw0, `/14` for gw1, ...; unchanged outside xdist."""
    if not url or not worker_id.startswith("gw"):
        return url
    parts = urlsplit(url)
    database = int(parts.path.lstrip("/") or 0) - int(worker_id[2:])
    # Database 0 is the development default, which a test run must not empty.
    if database < 1:
        raise pytest.UsageError(
            f"REDIS_URL {url} leaves no Redis database for test worker {worker_id}: "
            "configure a higher database number (CI uses 15) or fewer workers"
        )
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    if os.environ.get("REDIS_URL"):
        worker_id = os.environ.get("PYTEST_XDIST_WORKER", "")
        os.environ["REDIS_URL"] = redis_url_for_worker(os.environ["REDIS_URL"], worker_id)
