from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event, Registration, RegistrationStatus
from .selectors import SEAT_HOLDING_STATUSES, RegistrationWindow, event_registration_window

ACTIVE_STATUSES = (*SEAT_HOLDING_STATUSES, RegistrationStatus.WAITLISTED)


class RegistrationRefused(Exception):
    """Registration or cancellation is not possible; the message is for the person who asked."""


def _lock_event(event: Event) -> Event:
    # Every seat decision for an event runs while holding its row, so two people can never take
    # the last seat at once (PostgreSQL waits here; SQLite already serialises writers).
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def registration_register(*, user, event: Event) -> Registration:
    """Give the user a seat, or a waitlist place when the event is full.

    Asking twice changes nothing; a cancelled registration is reused, since there is one row
    per person and event.
    """
    event = _lock_event(event)
    window = event_registration_window(event=event)
    if event.ends_at < timezone.now():
        raise RegistrationRefused(_("This event is over; registration is closed."))
    if window == RegistrationWindow.NOT_YET_OPEN:
        raise RegistrationRefused(_("Registration for this event has not opened yet."))
    if window == RegistrationWindow.CLOSED:
        raise RegistrationRefused(_("Registration for this event is closed."))

    registration = Registration.objects.filter(user=user, event=event).first()
    if registration is not None and registration.status in ACTIVE_STATUSES:
        return registration

    seats_taken = Registration.objects.filter(event=event, status__in=SEAT_HOLDING_STATUSES).count()
    has_seat = event.capacity is None or seats_taken < event.capacity
    status = RegistrationStatus.REGISTERED if has_seat else RegistrationStatus.WAITLISTED
    if registration is None:
        return Registration.objects.create(user=user, event=event, status=status)
    registration.status = status
    # updated_at marks when the person joined the waitlist, which decides who moves up first.
    registration.save(update_fields=["status", "updated_at"])
    return registration


@transaction.atomic
def registration_cancel(*, user, event: Event) -> Registration:
    """Cancel the user's place; a freed seat goes to whoever has waited longest."""
    event = _lock_event(event)
    if event.ends_at < timezone.now():
        raise RegistrationRefused(_("This event is over; registrations can no longer change."))
    registration = Registration.objects.filter(
        user=user, event=event, status__in=ACTIVE_STATUSES
    ).first()
    if registration is None:
        raise RegistrationRefused(_("You are not registered for this event."))
    freed_a_seat = registration.status in SEAT_HOLDING_STATUSES
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if freed_a_seat:
        _promote_from_waitlist(event=event)
    return registration


def _promote_from_waitlist(*, event: Event) -> Registration | None:
    if event.capacity is not None:
        seats_taken = Registration.objects.filter(
            event=event, status__in=SEAT_HOLDING_STATUSES
        ).count()
        if seats_taken >= event.capacity:
            return None
    oldest = (
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .order_by("updated_at", "id")
        .first()
    )
    if oldest is not None:
        oldest.status = RegistrationStatus.REGISTERED
        oldest.save(update_fields=["status", "updated_at"])
    return oldest
