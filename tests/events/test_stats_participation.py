"""Staff see registrations, attendance, countries and organizations as numbers and SVG bars."""

import pytest
from django.test import Client

from core.roles import UN_STAFF
from events.models import RegistrationStatus
from events.stats import event_participation, series_participation
from tests.factories import (
    CertificateFactory,
    CityFactory,
    CityOfficialFactory,
    EventFactory,
    OrganizationFactory,
    PartnerFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    lebanon = CityFactory(name="Tripoli", country="LB")
    undp = OrganizationFactory(name="UNDP", country="US")
    return {
        "amal": UserFactory(city=lebanon, organization=undp),
        "li": UserFactory(organization=OrganizationFactory(name="NDRCC", country="CN")),
        "omar": UserFactory(city=lebanon),
        "nobody": UserFactory(),
    }


def test_it_counts_an_events_registrations_attendance_countries_and_organizations(people):
    event = EventFactory()
    RegistrationFactory(event=event, user=people["amal"], status=RegistrationStatus.ATTENDED)
    RegistrationFactory(event=event, user=people["li"], status=RegistrationStatus.REGISTERED)
    RegistrationFactory(event=event, user=people["omar"], status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, user=people["nobody"], status=RegistrationStatus.CANCELLED)

    stats = event_participation(event=event)

    assert (stats.registrations, stats.attended, stats.waitlisted, stats.cancelled) == (3, 1, 1, 1)
    assert stats.attendance_rate == 50
    # The city's country wins over the organization's.
    assert dict(stats.countries) == {"Lebanon": 2, "China": 1}
    assert dict(stats.organizations) == {"UNDP": 1, "NDRCC": 1, "No organization": 1}


def test_it_counts_a_series_participant_once_across_sessions(people):
    series = TrainingSeriesFactory()
    first, second = (
        EventFactory(series=series, title="Session 1"),
        EventFactory(series=series, title="Session 2"),
    )
    for event in (first, second):
        RegistrationFactory(event=event, user=people["amal"], status=RegistrationStatus.ATTENDED)
    RegistrationFactory(event=first, user=people["li"], status=RegistrationStatus.ATTENDED)
    CertificateFactory(user=people["amal"], series=series)

    stats = series_participation(series=series)

    assert (stats.registrations, stats.participants, stats.attended) == (3, 2, 3)
    assert stats.certificates == 1
    assert stats.sessions == [("Session 1", 2, 2), ("Session 2", 1, 1)]
    assert dict(stats.countries) == {"Lebanon": 1, "China": 1}


def test_it_draws_the_chart_as_inline_svg_without_scripts(people):
    event = EventFactory(slug="drr-webinar")
    RegistrationFactory(event=event, user=people["amal"], status=RegistrationStatus.ATTENDED)
    RegistrationFactory(event=event, user=people["li"])
    client = Client()
    client.force_login(UserFactory(roles=[UN_STAFF]))

    html = client.get("/events/drr-webinar/statistics/").content.decode()

    assert '<svg class="chart-svg"' in html and 'aria-hidden="true"' in html
    assert "<rect" in html
    assert 'id="total-registrations">2<' in html
    assert 'id="total-attended">1<' in html
    assert "Lebanon" in html and "China" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_it_shows_the_series_page_with_certificates(people):
    series = TrainingSeriesFactory(slug="drr-series")
    RegistrationFactory(event=EventFactory(series=series), user=people["li"])
    client = Client()
    client.force_login(UserFactory(roles=[UN_STAFF]))

    html = client.get("/events/series/drr-series/statistics/").content.decode()

    assert 'id="total-certificates">0<' in html
    assert "Attendance by session" in html


def test_each_chart_has_one_table_for_screen_readers_and_a_csv(people):
    event = EventFactory(slug="drr-webinar")
    RegistrationFactory(event=event, user=people["amal"], status=RegistrationStatus.ATTENDED)
    client = Client()
    client.force_login(UserFactory(roles=[UN_STAFF]))

    html = client.get("/events/drr-webinar/statistics/").content.decode()

    # The drawing is hidden from screen readers and the table from the eye: never both shown.
    assert html.count('<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" width="100%"') == 3
    assert html.count('aria-hidden="true" focusable="false" direction="ltr"') == 3
    assert html.count('<div class="visually-hidden"><table') == 3
    assert "stats-table" not in html
    assert 'href="/events/drr-webinar/statistics/countries.csv"' in html
    rows = client.get("/events/drr-webinar/statistics/countries.csv").content.decode("utf-8-sig")
    assert rows.splitlines() == ["Country,People", "Lebanon,1"]


@pytest.mark.parametrize(
    ("who", "expected"),
    [(None, 302), ("official", 403), ("partner", 403), ("staff", 200)],
)
def test_only_staff_download_participation_csv(people, who, expected):
    series = TrainingSeriesFactory(slug="drr-series")
    EventFactory(series=series, slug="drr-webinar")
    client = Client()
    users = {
        "official": CityOfficialFactory,
        "partner": PartnerFactory,
        "staff": lambda: UserFactory(roles=[UN_STAFF]),
    }
    if who:
        client.force_login(users[who]())

    for url in (
        "/events/drr-webinar/statistics/registrations.csv",
        "/events/series/drr-series/statistics/sessions.csv",
    ):
        assert client.get(url).status_code == expected


def test_an_unknown_participation_chart_is_a_404(people):
    EventFactory(slug="drr-webinar")
    client = Client()
    client.force_login(UserFactory(roles=[UN_STAFF]))
    assert client.get("/events/drr-webinar/statistics/nothing.csv").status_code == 404
