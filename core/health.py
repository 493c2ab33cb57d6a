"""Reachability checks for /healthz: the database always, Redis when it is configured.

The public answer only says which dependency is down; the driver's message (hosts, ports, users)
goes to the log, where operators look, rather than to whoever probes the URL.
"""

import logging

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

UNAVAILABLE = "unavailable"


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "not reachable"
        return f"{type(exc).__name__}: {exc}"
    return None


def check_redis() -> str | None:
    if not settings.REDIS_URL:
        return None
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2
        )
        client.ping()
    except Exception as exc:  # connection refused, timeout, auth error...
        return f"{type(exc).__name__}: {exc}"
    return None


def run_checks() -> dict[str, str]:
    errors = {"database": check_database()}
    if settings.REDIS_URL:
        errors["redis"] = check_redis()
    for name, error in errors.items():
        if error:
            logger.warning("healthz: %s is unreachable: %s", name, error)
    return {name: (UNAVAILABLE if error else "ok") for name, error in errors.items()}
