import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_it_reads_an_offset_postgresql_cannot_store_as_the_same_moment_in_utc(client):
    EventFactory(slug="soon", starts_at=timezone.now() + dt.timedelta(days=1))

    # -17:41 is valid ISO 8601 and Python, but outside PostgreSQL's ±15:59.
    response = client.get("/api/v1/events/", {"starts_before": "2999-08-08T07:37:26-17:41"})

    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == ["soon"]


def test_it_refuses_a_date_time_that_leaves_the_calendar_in_utc(client):
    response = client.get("/api/v1/events/", {"starts_before": "0001-01-01T00:00:00+10:00"})

    assert response.status_code == 400
