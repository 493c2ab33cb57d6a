"""Staff see an event's registrations, export them as CSV and mark attendance; nobody else can."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from events.models import Registration, RegistrationStatus
from tests.factories import (
    CityFactory,
    EventFactory,
    OrganizationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "plain", "official", "partner", "staff", "superuser")
STAFF_PAGE = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "staff": 200, "superuser": 200}


def client_for(role):
    client = Client()
    users = {
        "plain": lambda: UserFactory(),
        "official": lambda: UserFactory(roles=[CITY_OFFICIAL], city=CityFactory()),
        "partner": lambda: UserFactory(roles=[PARTNER], organization=OrganizationFactory()),
        "staff": lambda: UserFactory(roles=[UN_STAFF]),
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
    }
    if role != "anonymous":
        client.force_login(users[role]())
    return client


def past_event(**kwargs):
    start = timezone.now() - dt.timedelta(days=2)
    return EventFactory(starts_at=start, ends_at=start + dt.timedelta(hours=2), **kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("suffix", ["registrations/", "registrations.csv", "statistics/"])
def test_it_opens_the_staff_pages_to_staff_only(role, suffix):
    event = EventFactory(slug="drr-webinar")
    RegistrationFactory(event=event)

    response = client_for(role).get(f"/events/drr-webinar/{suffix}")

    assert response.status_code == STAFF_PAGE[role]


ATTENDANCE = dict.fromkeys(ROLES, 403) | {"anonymous": 302, "staff": 302, "superuser": 302}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_staff_mark_attendance(role):
    event = past_event(slug="drr-webinar")
    registration = RegistrationFactory(event=event)

    response = client_for(role).post(
        f"/events/drr-webinar/registrations/{registration.pk}/attendance/", {"attended": "1"}
    )

    assert response.status_code == ATTENDANCE[role]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    registration.refresh_from_db()
    marked = registration.status == RegistrationStatus.ATTENDED
    assert marked == (role in {"staff", "superuser"})


def test_it_lists_registrations_with_their_status():
    event = EventFactory(slug="drr-webinar", capacity=1)
    RegistrationFactory(event=event, user=UserFactory(name="Amal Haddad"))
    RegistrationFactory(
        event=event, user=UserFactory(name="Li Wei"), status=RegistrationStatus.WAITLISTED
    )

    html = client_for("staff").get("/events/drr-webinar/registrations/").content.decode()

    assert "Amal Haddad" in html and "Li Wei" in html
    assert "Waitlisted" in html


def test_it_exports_csv_with_a_header_and_neutralised_formulas():
    event = EventFactory(slug="drr-webinar")
    city = CityFactory(name="Tripoli", country="LB")
    org = OrganizationFactory(name="+Cities Lab", country="KE")
    RegistrationFactory(
        event=event,
        user=UserFactory(name='=HYPERLINK("http://evil")', email="a@example.org", city=city),
    )
    RegistrationFactory(
        event=event,
        user=UserFactory(name="@sum", email="b@example.org", organization=org),
        status=RegistrationStatus.ATTENDED,
    )
    RegistrationFactory(event=event, user=UserFactory(name="-1+2", email="c@example.org"))

    response = client_for("staff").get("/events/drr-webinar/registrations.csv")

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Name",
        "Email",
        "Organization",
        "City",
        "Country",
        "Status",
        "Registered at",
    ]
    assert rows[1][:6] == [
        '\'=HYPERLINK("http://evil")',
        "a@example.org",
        "",
        "Tripoli",
        "Lebanon",
        "Registered",
    ]
    assert rows[2][:6] == ["'@sum", "b@example.org", "'+Cities Lab", "", "Kenya", "Attended"]
    assert rows[3][0] == "'-1+2"
    assert len(rows) == 4


def test_it_marks_and_unmarks_attendance_once_the_event_has_started():
    event = past_event(slug="drr-webinar")
    registration = RegistrationFactory(event=event)
    client = client_for("staff")
    url = f"/events/drr-webinar/registrations/{registration.pk}/attendance/"

    client.post(url, {"attended": "1"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED

    client.post(url, {"attended": "0"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED


def test_it_refuses_attendance_before_the_event_with_a_message():
    event = EventFactory(slug="drr-webinar")
    registration = RegistrationFactory(event=event)

    response = client_for("staff").post(
        f"/events/drr-webinar/registrations/{registration.pk}/attendance/",
        {"attended": "1"},
        follow=True,
    )

    assert "once the event has started" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED


def test_it_refuses_attendance_for_a_waitlisted_person():
    event = past_event(slug="drr-webinar")
    registration = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    response = client_for("staff").post(
        f"/events/drr-webinar/registrations/{registration.pk}/attendance/",
        {"attended": "1"},
        follow=True,
    )

    assert "Only people holding a seat" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.WAITLISTED


def test_it_lists_registrations_in_the_same_number_of_queries_for_3_or_15():
    event = EventFactory(slug="drr-webinar")
    client = client_for("staff")

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/events/drr-webinar/registrations/").status_code == 200
        return len(context)

    def add(n):
        for _ in range(n):
            RegistrationFactory(
                event=event,
                user=UserFactory(city=CityFactory(), organization=OrganizationFactory()),
            )

    add(3)
    small = count()
    add(12)
    assert count() == small
