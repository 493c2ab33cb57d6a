import datetime as dt

import pytest
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from events.services import RegistrationRefused, registration_cancel, registration_register
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_registers_while_seats_remain_then_waitlists():
    event = EventFactory(capacity=2)
    first, second, third = UserFactory.create_batch(3, password=None)

    assert registration_register(user=first, event=event).status == RegistrationStatus.REGISTERED
    assert registration_register(user=second, event=event).status == RegistrationStatus.REGISTERED
    assert registration_register(user=third, event=event).status == RegistrationStatus.WAITLISTED


def test_it_never_limits_an_event_without_capacity():
    event = EventFactory(capacity=None)

    statuses = {
        registration_register(user=user, event=event).status
        for user in UserFactory.create_batch(5, password=None)
    }

    assert statuses == {RegistrationStatus.REGISTERED}


def test_it_keeps_one_row_when_the_same_person_registers_twice():
    event = EventFactory(capacity=5)
    user = UserFactory()

    registration_register(user=user, event=event)
    registration_register(user=user, event=event)

    assert Registration.objects.filter(user=user, event=event).count() == 1


def test_it_gives_the_freed_seat_to_the_person_who_waited_longest():
    event = EventFactory(capacity=1)
    holder, early, late = UserFactory.create_batch(3, password=None)
    registration_register(user=holder, event=event)
    registration_register(user=early, event=event)
    registration_register(user=late, event=event)

    registration_cancel(user=holder, event=event)

    status = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert status == {
        holder.pk: RegistrationStatus.CANCELLED,
        early.pk: RegistrationStatus.REGISTERED,
        late.pk: RegistrationStatus.WAITLISTED,
    }


def test_it_promotes_nobody_when_a_waitlisted_person_cancels():
    event = EventFactory(capacity=1)
    holder, waiting, other = UserFactory.create_batch(3, password=None)
    registration_register(user=holder, event=event)
    registration_register(user=waiting, event=event)
    registration_register(user=other, event=event)

    registration_cancel(user=waiting, event=event)

    assert Registration.objects.get(user=other).status == RegistrationStatus.WAITLISTED
    assert Registration.objects.get(user=holder).status == RegistrationStatus.REGISTERED


def test_it_reuses_the_row_when_someone_comes_back_after_cancelling():
    event = EventFactory(capacity=3)
    user = UserFactory()
    registration_register(user=user, event=event)
    registration_cancel(user=user, event=event)

    registration = registration_register(user=user, event=event)

    assert registration.status == RegistrationStatus.REGISTERED
    assert Registration.objects.filter(user=user, event=event).count() == 1


def test_it_refuses_before_the_window_opens():
    event = EventFactory(registration_opens_at=timezone.now() + dt.timedelta(days=1))

    with pytest.raises(RegistrationRefused, match="has not opened yet"):
        registration_register(user=UserFactory(), event=event)


def test_it_refuses_after_the_window_closes():
    event = EventFactory(
        registration_opens_at=timezone.now() - dt.timedelta(days=5),
        registration_closes_at=timezone.now() - dt.timedelta(minutes=1),
    )

    with pytest.raises(RegistrationRefused, match="is closed"):
        registration_register(user=UserFactory(), event=event)
    assert not Registration.objects.exists()


def test_it_refuses_a_past_event():
    event = EventFactory(starts_at=timezone.now() - dt.timedelta(days=3))

    with pytest.raises(RegistrationRefused, match="is over"):
        registration_register(user=UserFactory(), event=event)


def test_it_refuses_to_cancel_what_was_never_booked():
    with pytest.raises(RegistrationRefused, match="not registered"):
        registration_cancel(user=UserFactory(), event=EventFactory())


def test_it_counts_an_attended_registration_as_a_taken_seat():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, status=RegistrationStatus.ATTENDED)

    registration = registration_register(user=UserFactory(), event=event)

    assert registration.status == RegistrationStatus.WAITLISTED
