import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from core.models import PublicationStatus
from events.models import CoHostRole, EventFormat, RegistrationStatus
from tests.factories import (
    CityFactory,
    EventCoHostFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2023, 9, 1, tzinfo=dt.UTC), tick=False)
def test_it_shows_the_time_in_the_events_zone_and_the_visitors(client):
    EventFactory(
        slug="beirut-workshop",
        starts_at=dt.datetime(2023, 9, 12, 6, 30, tzinfo=dt.UTC),
        ends_at=dt.datetime(2023, 9, 13, 14, 0, tzinfo=dt.UTC),
        time_zone="Asia/Beirut",
    )

    client.cookies["tz"] = "Asia/Shanghai"  # what the browser reports for this visitor
    html = client.get("/events/beirut-workshop/").content.decode()

    assert "Local time of the event (Beirut, \u2066UTC+3\u2069)" in html
    assert 'datetime="2023-09-12T09:30:00+03:00"' in html
    assert "Your time (Shanghai, \u2066UTC+8\u2069)" in html
    assert 'datetime="2023-09-12T14:30:00+08:00"' in html


@pytest.mark.parametrize(
    ("ends_at", "span"),
    [
        # Within one day, the day once: the end is its time alone.
        (
            dt.datetime(2031, 12, 8, 11, 0, tzinfo=dt.UTC),
            '>8 décembre 2031 09:30</time> – <time datetime="2031-12-08T11:00:00+00:00">11:00</time>',
        ),
        # Over several days, both dates.
        (
            dt.datetime(2031, 12, 9, 16, 0, tzinfo=dt.UTC),
            '>8 décembre 2031 09:30</time> – <time datetime="2031-12-09T16:00:00+00:00">'
            "9 décembre 2031 16:00</time>",
        ),
    ],
)
def test_an_events_span_names_the_end_day_only_when_it_differs(client, ends_at, span):
    EventFactory(
        slug="workshop",
        starts_at=dt.datetime(2031, 12, 8, 9, 30, tzinfo=dt.UTC),
        ends_at=ends_at,
        time_zone="UTC",
    )

    html = client.get("/fr/events/workshop/").content.decode()

    local = html.split('class="event-local-time">')[1].split("</dd>")[0]
    assert local.count("8 décembre 2031") == 1
    assert local.endswith(span)


def test_it_shows_format_venue_city_and_online_link(client):
    EventFactory(
        slug="hybrid",
        format=EventFormat.HYBRID,
        venue="Tripoli Municipality Hall",
        city=CityFactory(name="Tripoli"),
        online_url="https://meet.example.org/drr",
    )

    html = client.get("/events/hybrid/").content.decode()

    assert "Hybrid" in html
    assert "Tripoli Municipality Hall" in html
    assert "Tripoli, Lebanon</a>" in html
    assert 'href="https://meet.example.org/drr" rel="noopener"' in html


def test_it_lists_cohosts_with_their_roles(client):
    event = EventFactory(slug="workshop")
    EventCoHostFactory(
        event=event,
        organization=OrganizationFactory(
            name="UN Office for South-South Cooperation", acronym="UNOSSC"
        ),
        role=CoHostRole.ORGANIZER,
    )
    EventCoHostFactory(
        event=event,
        organization=OrganizationFactory(
            name="National Council for Scientific Research", acronym="CNRS"
        ),
        role=CoHostRole.TECHNICAL,
    )

    html = client.get("/events/workshop/").content.decode()

    assert '(UNOSSC)</a> — <span class="role">Organizer' in html
    assert '(CNRS)</a> — <span class="role">Technical partner' in html


def test_it_shows_the_series_and_its_other_published_sessions(client):
    series = TrainingSeriesFactory(title="Resilient cities training", slug="resilient")
    EventFactory(slug="session-2", title="Session two", series=series)
    EventFactory(
        title="Session one", series=series, starts_at=timezone.now() - dt.timedelta(days=60)
    )
    EventFactory(title="Session three (draft)", series=series, status=PublicationStatus.DRAFT)

    html = client.get("/events/session-2/").content.decode()

    assert 'href="/events/series/resilient/">Resilient cities training</a>' in html
    assert "Other sessions in this series" in html
    assert "Session one" in html
    assert "Session three (draft)" not in html


def test_it_counts_seats_left_from_registrations_that_hold_a_seat(client):
    event = EventFactory(slug="small", capacity=10)
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.ATTENDED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    html = client.get("/events/small/").content.decode()

    assert "6 seats left" in html
    assert "(of 10)" in html


def test_chinese_seats_and_registration_sentences_have_no_stray_spaces(client):
    # A Latin space before the full-width bracket of "(of 10)" and after the full stop of
    # "Registration is open.": Chinese sets neither.
    EventFactory(
        slug="small",
        capacity=10,
        registration_closes_at=timezone.now() + dt.timedelta(days=3),
    )

    html = client.get("/zh-hans/events/small/").content.decode()

    seats = re.search(r'<p class="seats">(.*?)</p>', html, re.S).group(1)
    assert seats.endswith("个名额（共 10 个）")
    window = re.search(r'<p class="registration-window[^"]*">(.*?)</p>', html, re.S).group(1)
    assert "报名已开放。" in window
    assert "。 " not in window


def test_it_says_unlimited_when_there_is_no_capacity(client):
    EventFactory(slug="open-webinar", capacity=None)

    assert b"Unlimited" in client.get("/events/open-webinar/").content


def test_it_offers_the_waitlist_when_full(client):
    event = EventFactory(slug="full", capacity=1)
    RegistrationFactory(event=event)

    html = client.get("/events/full/").content.decode()

    assert "0 seats left" in html
    assert "Join the waitlist" in html


def test_it_says_registration_has_not_opened_yet(client):
    EventFactory(slug="soon", registration_opens_at=timezone.now() + dt.timedelta(days=3))

    html = client.get("/events/soon/").content.decode()

    assert "Registration opens on" in html
    assert 'action="/events/soon/register/"' not in html


def test_it_says_registration_is_open_and_offers_the_button(client):
    EventFactory(slug="open", registration_closes_at=timezone.now() + dt.timedelta(days=3))

    html = client.get("/events/open/").content.decode()

    assert "Registration is open." in html
    assert "It closes on" in html
    assert 'action="/events/open/register/"' in html


def test_it_says_registration_is_closed_after_the_window(client):
    EventFactory(
        slug="closed",
        registration_opens_at=timezone.now() - dt.timedelta(days=10),
        registration_closes_at=timezone.now() - dt.timedelta(days=1),
    )

    html = client.get("/events/closed/").content.decode()

    assert "Registration is closed." in html
    assert 'action="/events/closed/register/"' not in html


def test_it_shows_a_registered_visitor_their_place_and_a_cancel_button(client):
    user = UserFactory()
    event = EventFactory(slug="flood-drill")
    RegistrationFactory(user=user, event=event)
    client.force_login(user)

    html = client.get("/events/flood-drill/").content.decode()

    assert "You are registered for this event." in html
    assert 'action="/events/flood-drill/cancel/"' in html
    assert 'action="/events/flood-drill/register/"' not in html


def test_it_links_related_published_pilots(client):
    event = EventFactory(slug="linked")
    event.projects.add(ProjectFactory(title="Lebanon pilot"))
    event.projects.add(ProjectFactory(title="Draft pilot", status=PublicationStatus.DRAFT))

    html = client.get("/events/linked/").content.decode()

    assert "Lebanon pilot" in html
    assert "Draft pilot" not in html


def test_it_answers_404_for_a_draft_and_an_unknown_slug(client):
    EventFactory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)

    assert client.get("/events/draft/").status_code == 404
    assert client.get("/events/nothing-here/").status_code == 404


def test_the_events_local_time_is_named_by_its_city_not_the_zones(client):
    # Curitiba keeps São Paulo's time; the page names where the event is.
    EventFactory(
        slug="curitiba-visit",
        city=CityFactory(name="Curitiba"),
        starts_at=dt.datetime(2031, 5, 10, 12, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2031, 5, 10, 15, 0, tzinfo=dt.UTC),
        time_zone="America/Sao_Paulo",
    )

    html = client.get("/events/curitiba-visit/").content.decode()
    home = client.get("/").content.decode()

    assert "Local time of the event (Curitiba, \u2066UTC\u22123\u2069)" in html
    assert "São Paulo" not in html
    assert "local time (Curitiba, \u2066UTC\u22123\u2069)" in home
