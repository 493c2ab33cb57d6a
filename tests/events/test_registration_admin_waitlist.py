"""The waitlist keeps its order whatever else touches a row, and each change is told by email."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from events.services import registration_cancel, registration_register
from notifications.models import Notification
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_promotes_by_when_people_joined_the_waitlist_not_by_their_last_change():
    event = EventFactory(capacity=1)
    holder, early, late = UserFactory.create_batch(3)
    registration_register(user=holder, event=event)
    now = timezone.now()
    with time_machine.travel(now + dt.timedelta(hours=1), tick=False):
        registration_register(user=early, event=event)
    with time_machine.travel(now + dt.timedelta(hours=2), tick=False):
        registration_register(user=late, event=event)
    # An unrelated later save of the early row must not send it to the back of the queue.
    with time_machine.travel(now + dt.timedelta(hours=3), tick=False):
        Registration.objects.get(user=early).save()

    registration_cancel(user=holder, event=event)

    assert Registration.objects.get(user=early).status == RegistrationStatus.REGISTERED
    assert Registration.objects.get(user=late).status == RegistrationStatus.WAITLISTED


def test_it_tells_people_they_are_registered_waitlisted_or_promoted(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1, title="Heat action planning")
    holder, waiting = UserFactory.create_batch(2)

    with django_capture_on_commit_callbacks(execute=True):
        registration_register(user=holder, event=event)
        registration_register(user=waiting, event=event)
        registration_cancel(user=holder, event=event)

    verbs = list(Notification.objects.filter(recipient=waiting).values_list("verb", flat=True))
    assert sorted(verbs) == ["registration_promoted", "registration_waitlisted"]
    assert Notification.objects.filter(recipient=holder, verb="registration_confirmed").exists()
    assert any("Heat action planning" in message.subject for message in mail.outbox)
