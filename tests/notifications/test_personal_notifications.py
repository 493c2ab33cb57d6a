import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from core.roles import PARTNER, UN_STAFF
from events.notifications import (
    event_reminders_send,
    registration_changed_notify,
    series_session_added_notify,
)
from notifications.models import Notification
from projects.notifications import (
    collaboration_request_changed_notify,
    reviewers_new_request_notify,
)
from tests.factories import (
    CollaborationRequestFactory,
    EventFactory,
    OrganizationFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _request(**fields):
    # PartnerFactory's `roles` override reaches the model as a field; build the partner here.
    partner = UserFactory(roles=[PARTNER], organization=OrganizationFactory())
    return CollaborationRequestFactory(requester=partner, **fields)


def test_it_confirms_a_registration_once_even_if_asked_twice(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        registration_changed_notify(registration=registration, change="confirmed")
        registration_changed_notify(registration=registration, change="confirmed")

    assert Notification.objects.filter(recipient=registration.user).count() == 1
    assert [message.to for message in mail.outbox] == [[registration.user.email]]
    assert "Registration confirmed" in mail.outbox[0].subject


def test_it_tells_a_waitlisted_person_they_got_a_seat(django_capture_on_commit_callbacks):
    registration = RegistrationFactory(status="registered")

    with django_capture_on_commit_callbacks(execute=True):
        registration_changed_notify(registration=registration, change="promoted")

    assert Notification.objects.get().verb == "registration_promoted"
    assert len(mail.outbox) == 1


def test_it_reminds_registrants_a_day_before_and_only_once(django_capture_on_commit_callbacks):
    soon = EventFactory(starts_at=timezone.now() + dt.timedelta(hours=23))
    later = EventFactory(starts_at=timezone.now() + dt.timedelta(days=3))
    coming = RegistrationFactory(event=soon)
    RegistrationFactory(event=soon, status="cancelled")
    RegistrationFactory(event=later)

    with django_capture_on_commit_callbacks(execute=True):
        event_reminders_send()
        event_reminders_send()  # the next hourly run

    assert [message.to for message in mail.outbox] == [[coming.user.email]]
    assert Notification.objects.filter(verb="registration_reminder").count() == 1


def test_a_reminder_names_the_event_in_each_reader_s_language(django_capture_on_commit_callbacks):
    """The hourly job runs in the default language; each registrant's notification still names
    the event in theirs, when the event has a title in it."""
    event = EventFactory(
        starts_at=timezone.now() + dt.timedelta(hours=23),
        title="Flood drill",
        title_ar="تمرين على الفيضانات",
    )
    arabic, english = RegistrationFactory(event=event), RegistrationFactory(event=event)
    arabic.user.preferred_language = "ar"
    arabic.user.save(update_fields=["preferred_language"])

    with django_capture_on_commit_callbacks(execute=True):
        event_reminders_send()

    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    assert titles == {arabic.user_id: "تمرين على الفيضانات", english.user_id: "Flood drill"}


def test_it_tells_series_registrants_about_a_new_session(django_capture_on_commit_callbacks):
    series = TrainingSeriesFactory()
    registered = RegistrationFactory(event=EventFactory(series=series)).user
    RegistrationFactory(event=EventFactory())  # another series
    new_session = EventFactory(series=series)

    with django_capture_on_commit_callbacks(execute=True):
        series_session_added_notify(event=new_session)

    assert list(Notification.objects.values_list("recipient", flat=True)) == [registered.pk]
    assert len(mail.outbox) == 1


def test_it_tells_the_requester_when_staff_decide(django_capture_on_commit_callbacks):
    staff = UserFactory(roles=[UN_STAFF])
    request = _request(status="accepted")

    with django_capture_on_commit_callbacks(execute=True):
        collaboration_request_changed_notify(request=request, change="accepted", actor=staff)

    notification = Notification.objects.get()
    assert notification.recipient == request.requester
    assert notification.body == "Accepted"
    assert [message.to for message in mail.outbox] == [[request.requester.email]]


def test_each_reader_gets_the_new_status_in_their_own_language(django_capture_on_commit_callbacks):
    """Staff decide on an English page; the partner, who reads the portal in Arabic, finds the
    status in Arabic under their bell as in their email, and an English reader in English."""
    staff = UserFactory(roles=[UN_STAFF])
    request = _request(status="declined")
    request.requester.preferred_language = "ar"
    request.requester.save(update_fields=["preferred_language"])

    with django_capture_on_commit_callbacks(execute=True):
        collaboration_request_changed_notify(request=request, change="declined", actor=staff)
        collaboration_request_changed_notify(
            request=request, change="message", actor=request.requester, message_id=8
        )

    by_recipient = {n.recipient_id: n for n in Notification.objects.all()}
    assert by_recipient[request.requester_id].body == "مرفوض"
    assert "مرفوض" in mail.outbox[0].body
    assert by_recipient[staff.pk].title == str(request.target)


def test_it_tells_the_assigned_staff_when_the_requester_writes(django_capture_on_commit_callbacks):
    staff = UserFactory(roles=[UN_STAFF])
    request = _request(assigned_to=staff)

    with django_capture_on_commit_callbacks(execute=True):
        collaboration_request_changed_notify(
            request=request, change="message", actor=request.requester, message_id=7
        )

    assert Notification.objects.get().recipient == staff


def test_it_tells_reviewers_of_a_new_request_but_not_others(django_capture_on_commit_callbacks):
    reviewers = [UserFactory(roles=[UN_STAFF]), UserFactory(is_superuser=True)]
    UserFactory()
    request = _request()

    with django_capture_on_commit_callbacks(execute=True):
        reviewers_new_request_notify(request=request)

    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        user.pk for user in reviewers
    }
    assert len(mail.outbox) == 2
