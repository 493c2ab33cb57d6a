"""The PostgreSQL backend's health check (core/postgresql/base.py): a connection in steady use is
checked without a round trip, one the server has ended is replaced before a request uses it, and
one idle for long is still asked `SELECT 1`."""

import psycopg2
import pytest
from django.db import connection
from django.db.backends.postgresql import base as django_postgresql

from cities.models import City
from core.postgresql import base

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def asked_the_server(monkeypatch):
    """Counts the `SELECT 1` checks (Django's own is_usable)."""
    calls = []
    real = django_postgresql.DatabaseWrapper.is_usable

    def counting(self):
        calls.append(self.alias)
        return real(self)

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", counting)
    return calls


def _server_ends(pid: int) -> None:
    """What a restart or pg_terminate_backend does to a connection: its backend goes away."""
    settings_dict = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        password=settings_dict["PASSWORD"] or None,
    )
    other.autocommit = True
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        # Wait until the backend has gone, as the next request would find it.
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = %s AND pg_sleep(0.2) IS NOT NULL",
            [pid],
        )
    other.close()


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_connection_in_steady_use_is_checked_without_asking_the_server(asked_the_server):
    _backend_pid()

    assert connection.is_usable()
    assert asked_the_server == []


def test_a_connection_idle_for_long_is_asked_select_1(asked_the_server, monkeypatch):
    _backend_pid()
    connection._last_checked -= base.QUICK_CHECK_SECONDS + 1

    assert connection.is_usable()
    assert asked_the_server == ["default"]


def test_a_connection_the_server_ended_is_replaced_before_the_next_request_uses_it():
    ended = _backend_pid()
    _server_ends(ended)

    # What Django does at the start of each request with CONN_HEALTH_CHECKS.
    connection.close_if_unusable_or_obsolete()
    connection.close_if_health_check_failed()

    assert City.objects.count() >= 0  # no OperationalError: a new connection answered
    assert _backend_pid() != ended
