"""Ending the sessions that other processes left on the PostgreSQL test database."""

import time

from django.db import connection

# The other sessions on this database (and, with an application name, only those it names).
_OTHERS = (
    "SELECT {} FROM pg_stat_activity WHERE datname = current_database()"
    " AND pid <> pg_backend_pid() AND (%s IS NULL OR application_name = %s)"
)


def other_sessions_end(*, application_name: str | None = None, timeout: float = 10) -> bool:
    """End the other sessions on the test database and wait until they are gone; False if some
    are still there after `timeout` seconds.

    A process killed mid-session (a Celery worker, a server) leaves its session until PostgreSQL
    next reads from it: meanwhile its transaction holds its locks, and dropping the database
    fails ("is being accessed by other users").
    """
    params = [application_name, application_name]
    with connection.cursor() as cursor:
        cursor.execute(_OTHERS.format("pg_terminate_backend(pid)"), params)
        deadline = time.monotonic() + timeout
        while True:
            cursor.execute(_OTHERS.format("count(*)"), params)
            if not cursor.fetchone()[0]:
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
