"""A registration email carries the event's .ics, so a calendar app adds the event in one click."""

import datetime as dt
import smtplib
import zoneinfo

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events import calendars
from events.notifications import event_reminders_send
from events.services import registration_cancel, registration_register
from notifications.delivery import outbox_deliver
from notifications.models import OutboxEmail, OutboxState
from tests.factories import CityFactory, EventFactory, OutboxEmailFactory, UserFactory

from .backends import FailingBackend

pytestmark = pytest.mark.django_db

STARTS = dt.datetime(2031, 9, 12, 6, 15, tzinfo=dt.UTC)
MENTION = "The attached calendar file adds this event to your calendar."


@pytest.fixture
def workshop():
    return EventFactory(
        title="Atelier : résilience urbaine – São Paulo & Tripoli",
        slug="resilience-workshop",
        starts_at=STARTS,
        ends_at=STARTS + dt.timedelta(hours=3),
        time_zone="Asia/Beirut",
        venue="Municipal Hall",
        city=CityFactory(name="Tripoli"),
    )


def _only_calendar(message):
    (part,) = message.attachments
    assert part.get_content_type() == "text/calendar"
    return part


def _vevent(part):
    calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
    (vevent,) = calendar.walk("VEVENT")
    return calendar, vevent


def test_registering_emails_the_event_as_an_ics_file(
    client, workshop, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", kwargs={"slug": workshop.slug}))

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [user.email]
    part = _only_calendar(message)
    assert part.get_filename() == "resilience-workshop.ics"
    assert part.get_param("method") == "PUBLISH"
    assert part.get_content_charset() == "utf-8"
    calendar, vevent = _vevent(part)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(vevent["SUMMARY"]) == "Atelier : résilience urbaine – São Paulo & Tripoli"
    assert vevent.decoded("DTSTART").astimezone(dt.UTC) == STARTS
    assert str(vevent["UID"]) == calendars.event_uid(workshop)
    assert str(vevent["URL"]).endswith("/events/resilience-workshop/")
    assert MENTION in message.body
    assert MENTION in message.alternatives[0].content


def test_the_email_and_the_download_share_the_uid_so_calendars_update_one_entry(
    client, workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_register(user=UserFactory(), event=workshop)

    _calendar, emailed = _vevent(_only_calendar(mail.outbox[0]))
    downloaded = icalendar.Calendar.from_ical(
        client.get(reverse("events:ical", kwargs={"slug": workshop.slug})).content
    ).walk("VEVENT")[0]
    assert str(emailed["UID"]) == str(downloaded["UID"])
    assert emailed.decoded("DTSTART") == downloaded.decoded("DTSTART")


def test_a_waitlisted_person_gets_no_calendar_file(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    registration_register(user=UserFactory(), event=event)
    waiting = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_register(user=waiting, event=event)

    assert registration.status == "waitlisted"
    (message,) = [message for message in mail.outbox if message.to == [waiting.email]]
    assert message.attachments == []
    assert MENTION not in message.body
    assert OutboxEmail.objects.get(recipient=waiting).attachments == []


def test_a_person_promoted_from_the_waitlist_gets_the_calendar_file(
    workshop, django_capture_on_commit_callbacks
):
    workshop.capacity = 1
    workshop.save()
    holder, waiting = UserFactory(), UserFactory()
    registration_register(user=holder, event=workshop)
    registration_register(user=waiting, event=workshop)

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(user=holder, event=workshop)

    (message,) = mail.outbox
    assert message.to == [waiting.email]
    assert message.subject.startswith("You have a seat")
    _calendar, vevent = _vevent(_only_calendar(message))
    assert str(vevent["UID"]) == "resilience-workshop@cities-clusters"


def test_the_reminder_carries_the_calendar_file_too(django_capture_on_commit_callbacks):
    event = EventFactory(slug="tomorrow", starts_at=timezone.now() + dt.timedelta(hours=20))
    registration_register(user=UserFactory(), event=event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        event_reminders_send()

    (message,) = mail.outbox
    assert _only_calendar(message).get_filename() == "tomorrow.ics"


def test_a_row_resent_after_a_transient_failure_still_carries_the_file(
    settings, workshop, django_capture_on_commit_callbacks
):
    # Nothing is delivered at commit: the row waits in the outbox as a broker outage would leave it.
    with django_capture_on_commit_callbacks(execute=False):
        registration_register(user=UserFactory(), event=workshop)
    row = OutboxEmail.objects.get()
    settings.EMAIL_BACKEND = "tests.notifications.backends.FailingBackend"
    FailingBackend.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    assert outbox_deliver(outbox_ids=[row.pk]).retry == [row.pk]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_deliver(outbox_ids=[row.pk]).sent == [row.pk]

    row.refresh_from_db()
    assert (row.state, row.attempts) == (OutboxState.SENT, 2)
    (message,) = mail.outbox
    part = _only_calendar(message)
    assert part.get_filename() == "resilience-workshop.ics"
    _calendar, vevent = _vevent(part)
    assert vevent.decoded("DTSTART").astimezone(dt.UTC) == STARTS


def test_an_event_in_a_quarter_hour_zone_keeps_its_local_time(django_capture_on_commit_callbacks):
    kathmandu = zoneinfo.ZoneInfo("Asia/Kathmandu")  # UTC+05:45
    event = EventFactory(
        slug="kathmandu",
        starts_at=STARTS,
        ends_at=STARTS + dt.timedelta(minutes=90),
        time_zone="Asia/Kathmandu",
    )

    with django_capture_on_commit_callbacks(execute=True):
        registration_register(user=UserFactory(time_zone="America/St_Johns"), event=event)

    calendar, vevent = _vevent(_only_calendar(mail.outbox[0]))
    assert vevent["DTSTART"].params["TZID"] == "Asia/Kathmandu"
    assert vevent.decoded("DTSTART") == dt.datetime(2031, 9, 12, 12, 0, tzinfo=kathmandu)
    assert vevent.decoded("DTSTART").astimezone(dt.UTC) == STARTS
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Kathmandu"]


def test_the_whole_message_encodes_with_a_non_ascii_calendar_file(
    workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_register(user=UserFactory(), event=workshop)

    raw = mail.outbox[0].message().as_bytes()

    assert b"text/calendar" in raw
    assert b'filename="resilience-workshop.ics"' in raw
    assert b"method=PUBLISH" in raw


def test_an_attachment_that_is_not_text_fails_the_row_with_a_clear_error():
    row = OutboxEmailFactory(
        attachments=[{"filename": "x.pdf", "mimetype": "application/pdf", "content": "%PDF"}]
    )

    result = outbox_deliver(outbox_ids=[row.pk])

    assert result.failed == [row.pk]
    row.refresh_from_db()
    assert row.state == OutboxState.FAILED
    assert "text files" in row.last_error
    assert mail.outbox == []


def test_staff_see_the_attachment_names_read_only_in_the_admin(admin_client):
    row = OutboxEmailFactory(
        attachments=[
            {"filename": "resilience-workshop.ics", "mimetype": "text/calendar", "content": "X"}
        ]
    )

    response = admin_client.get(reverse("admin:notifications_outboxemail_change", args=[row.pk]))

    assert response.status_code == 200
    assert "resilience-workshop.ics" in response.content.decode()
    assert "attachments" not in response.context["adminform"].form.fields
