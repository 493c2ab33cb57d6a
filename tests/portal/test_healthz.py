"""/healthz is what load balancers and `docker compose` probe: 200 when the portal can serve,
503 (never a 500, never a cached answer) when a dependency it needs is down."""

import logging

import pytest
from django.db import OperationalError

from core import health

pytestmark = pytest.mark.django_db


class _UnreachableDatabase:
    def cursor(self):
        raise OperationalError("could not connect to server: Connection refused")


def test_it_answers_ok_when_the_database_works(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"] == {"database": "ok"}


def test_it_answers_head_requests_for_load_balancers(client, settings):
    settings.REDIS_URL = ""

    assert client.head("/healthz").status_code == 200


def test_it_is_never_cached(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_it_answers_503_when_the_database_is_unreachable(client, settings, monkeypatch, caplog):
    settings.REDIS_URL = ""
    monkeypatch.setattr(health, "connection", _UnreachableDatabase())

    with caplog.at_level(logging.WARNING, logger="core.health"):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}
    # Operators get the driver's reason in the log; the public answer does not leak it.
    assert "Connection refused" in caplog.text
    assert b"Connection refused" not in response.content


def test_it_answers_503_naming_redis_when_redis_is_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "redis": "unavailable"},
    }


@pytest.mark.redis
def test_it_answers_ok_when_the_configured_redis_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}
