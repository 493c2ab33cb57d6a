import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from tests.factories import EventFactory, OrganizationFactory, TrainingSeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    series = TrainingSeriesFactory(
        title="Resilient cities and health emergencies",
        slug="resilient-cities",
        start_year=2020,
        end_year=2023,
        is_certified=True,
        sessions_required_for_certificate=3,
    )
    series.organizers.add(
        OrganizationFactory(
            name="UNDRR Global Education and Training Institute", acronym="UNDRR-GETI"
        ),
        OrganizationFactory(name="Pan American Health Organization", acronym="PAHO/WHO"),
    )
    return series


def test_it_shows_organizers_years_and_what_a_certificate_requires(client, series):
    response = client.get("/events/series/resilient-cities/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Resilient cities and health emergencies</h1>" in html
    assert "2020–2023" in html
    assert "(UNDRR-GETI)" in html
    assert "(PAHO/WHO)" in html
    assert "This series is certified: attend 3 sessions to earn a certificate." in html


def test_it_says_when_a_series_gives_no_certificate(client):
    TrainingSeriesFactory(slug="uncertified", is_certified=False)

    html = client.get("/events/series/uncertified/").content.decode()

    assert "This series does not award a certificate." in html


def test_it_splits_sessions_into_upcoming_and_past(client, series):
    EventFactory(title="Next session", series=series)
    EventFactory(
        title="First session", series=series, starts_at=timezone.now() - dt.timedelta(days=400)
    )
    EventFactory(title="Draft session", series=series, status=PublicationStatus.DRAFT)

    response = client.get("/events/series/resilient-cities/")

    assert [e.title for e in response.context["series"].upcoming_sessions] == ["Next session"]
    assert [e.title for e in response.context["series"].past_sessions] == ["First session"]
    assert b"Draft session" not in response.content


def test_it_says_so_when_no_session_is_scheduled(client, series):
    html = client.get("/events/series/resilient-cities/").content.decode()

    assert "No upcoming session is scheduled." in html
    assert "No session has taken place yet." in html


def test_it_answers_404_for_a_draft_or_unknown_series(client):
    TrainingSeriesFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/events/series/draft/").status_code == 404
    assert client.get("/events/series/unknown/").status_code == 404
