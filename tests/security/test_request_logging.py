"""Every request gets an id (the proxy's if sane), echoed back and on its log lines; slow
requests and slow queries are logged as warnings; production logs are JSON lines."""

import json
import logging

import pytest
from celery import shared_task

from core.logging import JsonFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db


def test_it_echoes_a_sane_request_id_from_the_proxy(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="req-2026-abcdef12")

    assert response["X-Request-ID"] == "req-2026-abcdef12"


def test_it_replaces_a_request_id_that_is_not_sane(client):
    for bad in ("short", "x" * 500, "evil\r\nSet-Cookie: a=b", "<script>alert(1)</script>"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID=bad)
        assert response["X-Request-ID"] != bad
        assert len(response["X-Request-ID"]) == 32


def test_it_warns_about_a_slow_request_with_its_id(client, settings, caplog):
    settings.SLOW_REQUEST_MS = 0.001

    with caplog.at_level(logging.WARNING, logger="portal.requests"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID="slow-request-0001")

    record = next(r for r in caplog.records if r.name == "portal.requests")
    assert "Slow request: GET /healthz" in record.getMessage()
    assert record.request_id == "slow-request-0001"
    assert record.status == response.status_code


def test_it_stays_quiet_about_fast_requests(client, settings, caplog):
    settings.SLOW_REQUEST_MS = 60_000

    with caplog.at_level(logging.WARNING, logger="portal.requests"):
        client.get("/healthz")

    assert not [r for r in caplog.records if r.name == "portal.requests"]


def test_it_warns_about_a_slow_query(client, settings, caplog):
    settings.SLOW_QUERY_MS = 0.001

    with caplog.at_level(logging.WARNING, logger="portal.db"):
        client.get("/clusters/")

    messages = [r.getMessage() for r in caplog.records if r.name == "portal.db"]
    assert any(m.startswith("Slow query:") and "SELECT" in m for m in messages)


def test_it_formats_production_logs_as_json_lines_with_the_request_id():
    record = logging.LogRecord(
        "portal.test", logging.WARNING, __file__, 1, "hello %s", ("you",), None
    )
    record.duration_ms = 812
    token = request_id_var.set("abc123def456")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)

    line = JsonFormatter().format(record)

    entry = json.loads(line)
    assert entry["message"] == "hello you"
    assert entry["level"] == "WARNING"
    assert entry["request_id"] == "abc123def456"
    assert entry["duration_ms"] == 812
    assert "\n" not in line


@shared_task(name="tests.security.always_fails")
def always_fails():
    raise ValueError("the SMTP server said no")


def test_it_logs_a_failed_celery_task_with_its_id(caplog):
    with caplog.at_level(logging.ERROR, logger="config.celery"):
        result = always_fails.apply(throw=False)

    record = next(r for r in caplog.records if r.name == "config.celery")
    assert record.task_id == result.id
    assert result.id in record.getMessage()
    assert "the SMTP server said no" in record.getMessage()
