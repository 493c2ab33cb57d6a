from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import notifications.services
from core.content_services import RowList, content_save
from core.publication import publication_publish, publication_unpublish

from .models import (
    Certificate,
    Event,
    FinalRequirementCompletion,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)
from .notifications import registration_changed_notify
from .selectors import SEAT_HOLDING_STATUSES, RegistrationWindow, event_registration_window

ACTIVE_STATUSES = (*SEAT_HOLDING_STATUSES, RegistrationStatus.WAITLISTED)


class RegistrationRefused(Exception):
    """Registration or cancellation is not possible; the message is for the person who asked."""


def _lock_event(event: Event) -> Event:
    # Every seat decision for an event runs while holding its row, so two people can never take
    # the last seat at once (PostgreSQL waits here; SQLite already serialises writers).
    return Event.objects.select_for_update().get(pk=event.pk)


def registration_register(*, user, event: Event) -> Registration:
    """Give the user a seat, or a waitlist place when the event is full.

    Asking twice changes nothing; a cancelled registration is reused, since there is one row
    per person and event.
    """
    registration, _registered_now = registration_get_or_register(user=user, event=event)
    return registration


@transaction.atomic
def registration_get_or_register(*, user, event: Event) -> tuple[Registration, bool]:
    """As registration_register, and whether this call registered (or waitlisted) the person.

    False means they already held a seat or a waitlist place: nothing changed and nobody is
    told again, so a repeated request (a double click, an API client retrying) is harmless.
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
        return registration, False

    seats_taken = Registration.objects.filter(event=event, status__in=SEAT_HOLDING_STATUSES).count()
    has_seat = event.capacity is None or seats_taken < event.capacity
    status = RegistrationStatus.REGISTERED if has_seat else RegistrationStatus.WAITLISTED
    # When the person joined the waitlist decides who moves up first.
    waitlisted_at = None if has_seat else timezone.now()
    if registration is None:
        registration = Registration.objects.create(
            user=user, event=event, status=status, waitlisted_at=waitlisted_at
        )
    else:
        registration.status = status
        registration.waitlisted_at = waitlisted_at
        registration.save(update_fields=["status", "waitlisted_at", "updated_at"])
    registration_changed_notify(
        registration=registration, change="confirmed" if has_seat else "waitlisted"
    )
    return registration, True


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
        .order_by("waitlisted_at", "updated_at", "id")
        .first()
    )
    if oldest is not None:
        oldest.status = RegistrationStatus.REGISTERED
        oldest.save(update_fields=["status", "updated_at"])
        registration_changed_notify(registration=oldest, change="promoted")
    return oldest


@transaction.atomic
def registration_mark_attendance(*, registration: Registration, attended: bool):
    """Staff record whether a registered person came; attending a series may earn a certificate.

    Returns the registration and the certificate issued by this attendance, if any. Unmarking
    never takes back a certificate already issued.
    """
    from .certificates import certificate_issue_if_earned

    registration = (
        Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)
    )
    event = registration.event
    if event.starts_at > timezone.now():
        raise RegistrationRefused(_("Attendance can be recorded once the event has started."))
    wanted = RegistrationStatus.ATTENDED if attended else RegistrationStatus.REGISTERED
    if registration.status not in SEAT_HOLDING_STATUSES:
        raise RegistrationRefused(
            _("Only people holding a seat can be marked; this registration is %(status)s.")
            % {"status": registration.get_status_display().lower()}
        )
    certificate = None
    if registration.status != wanted:
        registration.status = wanted
        registration.save(update_fields=["status", "updated_at"])
    if attended and event.series_id:
        certificate, issued_now = certificate_issue_if_earned(
            user=registration.user, series=_lock_series(event.series_id)
        )
        if not issued_now:
            certificate = None
    return registration, certificate


class FinalRequirementRefused(Exception):
    """The end-of-course requirement cannot be recorded; the message is for the staff member."""


def _lock_series(series_id: int) -> TrainingSeries:
    # Attendance and the end-of-course requirement each check the other before issuing a
    # certificate; holding the series row makes the second of two simultaneous marks see the
    # first, so the certificate cannot slip between them (PostgreSQL waits; SQLite serialises).
    return TrainingSeries.objects.select_for_update().get(pk=series_id)


@transaction.atomic
def final_requirement_mark(
    *, series: TrainingSeries, user, completed: bool, recorded_by, note: str = ""
) -> tuple[FinalRequirementCompletion | None, Certificate | None]:
    """Staff record whether a participant met the series' end-of-course requirement.

    Returns the completion (None once unmarked) and the certificate this mark issued, if any:
    someone who already attended enough sessions gets it at once. Unmarking never takes back a
    certificate already issued; that is for an administrator to do deliberately.
    """
    from .certificates import certificate_issue_if_earned

    series = _lock_series(series.pk)
    if not series.final_requirement:
        raise FinalRequirementRefused(_("This series has no end-of-course requirement."))
    existing = FinalRequirementCompletion.objects.filter(series=series, user=user).first()
    if not completed:
        if existing is not None:
            # One by one rather than a queryset delete, so the history records who removed it.
            existing.delete()
        return None, None
    if existing is None:
        holds_a_seat = Registration.objects.filter(
            user=user, event__series=series, status__in=SEAT_HOLDING_STATUSES
        ).exists()
        if not holds_a_seat:
            raise FinalRequirementRefused(
                _("%(name)s is not registered for any session of this series.")
                % {"name": user.get_full_name()}
            )
        # No race with another staff member's insert: both hold the series row.
        existing = FinalRequirementCompletion.objects.create(
            series=series, user=user, recorded_by=recorded_by, note=note
        )
    certificate, issued_now = certificate_issue_if_earned(user=user, series=series)
    return existing, certificate if issued_now else None


# --- Events and training series: the one path for pages, API and admin -------------------------
#
# `data` is plain: field values by name, lists of clusters, projects or organizers, and optionally
# `status`, which publishes or withdraws through the publish services once everything else is
# saved. An event's co-hosts are a list of {"organization", "role"} dicts replacing the old list.


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


def event_create(*, actor, data: Mapping, cohosts: Sequence[Mapping] | None = None) -> Event:
    return event_update(event=Event(), actor=actor, data=data, cohosts=cohosts)


def event_update(
    *, event: Event, actor, data: Mapping, cohosts: Sequence[Mapping] | None = None
) -> Event:
    """Change an event; co-hosts given (even none) replace the old list, None keeps it."""
    return content_save(
        obj=event,
        actor=actor,
        data=data,
        publish=event_publish,
        unpublish=event_unpublish,
        row_lists=[
            RowList(
                "cohost_links",
                "cohosts",
                cohosts,
                unique=("organization",),
                duplicate_message=gettext_lazy("Each organization can co-host only once."),
            )
        ],
    )


def event_publish(*, obj: Event, actor) -> Event:
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def event_unpublish(*, obj: Event, actor) -> Event:
    return publication_unpublish(obj=obj, actor=actor)


def series_create(*, actor, data: Mapping) -> TrainingSeries:
    return series_update(series=TrainingSeries(), actor=actor, data=data)


def series_update(*, series: TrainingSeries, actor, data: Mapping) -> TrainingSeries:
    return content_save(
        obj=series, actor=actor, data=data, publish=series_publish, unpublish=series_unpublish
    )


def series_publish(*, obj: TrainingSeries, actor) -> TrainingSeries:
    # Followers hear of each session as it is published, not of the series.
    return publication_publish(obj=obj, actor=actor)


def series_unpublish(*, obj: TrainingSeries, actor) -> TrainingSeries:
    return publication_unpublish(obj=obj, actor=actor)
