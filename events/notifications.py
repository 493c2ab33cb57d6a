"""What the events app tells people, built here and delivered by the notifications app.

- Events as notifications content (registered from EventsConfig.ready()): how one is described
  to its followers, and which ones a digest period lists (new ones and the next weeks' ones).
- Registrants: their registration confirmed, waitlisted or promoted to a seat, a reminder 24
  hours before the start (`event_reminders_send`, run hourly by beat through events.tasks), and a
  new session in a training series they attend. Emails that confirm a seat carry the event's
  .ics, the same file as the event page's download (same UID: a calendar updates its entry).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.visibility import public, public_or_none
from notifications.content import (
    SECTION_EVENTS,
    ContentItem,
    absolute_url,
    in_reader_language,
    many_to_many_ids,
    page_path,
    published_item,
)
from notifications.emails import recipient_language
from notifications.services import notify_people
from projects.models import Project

from . import calendars
from .models import Event, Registration, RegistrationStatus

VERB_LABELS = {
    "published_event": _("New event"),
    "series_session_added": _("New session in your training series"),
    "registration_confirmed": _("Registration confirmed"),
    "registration_waitlisted": _("On the waiting list"),
    "registration_promoted": _("You have a seat"),
    "registration_reminder": _("Starts in 24 hours"),
}
REGISTRATION_CHANGES = ("confirmed", "waitlisted", "promoted", "reminder")
ATTENDING = (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
# Changes after which the person holds a seat: their email carries the event's .ics. A reminder
# carries it too, so a changed time reaches the calendar (same UID: the entry is updated).
CALENDAR_CHANGES = ("confirmed", "promoted", "reminder")
REMINDER_AHEAD = timedelta(hours=24)


def events_describe(events) -> list[ContentItem]:
    ids = [event.pk for event in events]
    clusters = many_to_many_ids(Event.clusters, ids, among=public(Cluster))
    projects = many_to_many_ids(Event.projects, ids, among=public(Project))
    return [
        published_item(
            event,
            verb="published_event",
            section=SECTION_EVENTS,
            clusters=clusters[event.pk],
            cities={event.city_id} if event.city_id else (),
            projects=projects[event.pk],
            starts_at=event.starts_at,
        )
        for event in events
    ]


def events_in_period(*, since, until, upcoming_until):
    """Events published in [since, until] and those starting in (until, upcoming_until]."""
    return (
        Event.objects.published()
        .filter(
            Q(published_at__gte=since, published_at__lte=until)
            | Q(starts_at__gt=until, starts_at__lte=upcoming_until)
        )
        .order_by("-published_at", "pk")
        .only("id", "title", "slug", "summary", "published_at", "starts_at", "city_id")
    )


def event_calendar_attachment(event, *, language: str = settings.LANGUAGE_CODE) -> dict:
    """The event's .ics, the same file as the event page's "Add to calendar" download, in
    `language` (its words and the event page's address)."""
    with translation.override(language):
        content = calendars.event_ical(event, url=absolute_url(page_path(event), language=language))
    return {
        "filename": f"{event.slug}.ics",
        "mimetype": calendars.ICAL_CONTENT_TYPE,
        "content": content,
    }


def event_calendar_attachments(event):
    """For notify_people: each reader's .ics in their language, built once per language."""
    built = {}

    def for_reader(user) -> list:
        language = recipient_language(user)
        if language not in built:
            built[language] = [event_calendar_attachment(event, language=language)]
        return built[language]

    return for_reader


def _registration_key(*, event, change: str, stamp) -> str:
    return f"registration:{change}:{event.pk}:{stamp.strftime('%Y%m%dT%H%M%S%f')}"


def registration_changed_notify(*, registration, change: str) -> int:
    """Tell the registrant; `change` is "confirmed", "waitlisted", "promoted" or "reminder".

    Once per change: a reminder once per event start, the others once per state of the
    registration.
    """
    if change not in REGISTRATION_CHANGES:
        raise ValueError(f"Unknown registration change {change!r}.")
    event = registration.event
    stamp = event.starts_at if change == "reminder" else registration.updated_at
    return notify_people(
        users=get_user_model().objects.filter(pk=registration.user_id),
        key=_registration_key(event=event, change=change, stamp=stamp),
        verb=f"registration_{change}",
        title=in_reader_language(lambda: event.title),
        path=page_path(event),
        reason="registered",
        starts_at=event.starts_at,
        attachments=event_calendar_attachments(event) if change in CALENDAR_CHANGES else [],
    )


def event_reminders_send(*, now=None, ahead=REMINDER_AHEAD) -> int:
    """Remind registrants of events starting within `ahead`; an hourly run never repeats one."""
    now = now or timezone.now()
    told = 0
    events = (
        Event.objects.published()
        .select_related("city")  # the .ics names the city
        .filter(starts_at__gt=now, starts_at__lte=now + ahead)
    )
    for event in events.iterator():
        registrants = Registration.objects.filter(
            event=event, status=RegistrationStatus.REGISTERED
        ).values("user_id")
        told += notify_people(
            users=get_user_model().objects.filter(pk__in=registrants),
            key=_registration_key(event=event, change="reminder", stamp=event.starts_at),
            verb="registration_reminder",
            # Bound now: the lazy title is read within this call, in each reader's language.
            title=in_reader_language(lambda event=event: event.title),
            path=page_path(event),
            reason="registered",
            starts_at=event.starts_at,
            attachments=event_calendar_attachments(event),
            to_many=True,
        )
    return told


def series_session_added_notify(*, event) -> int:
    """Tell the people registered for a training series' other sessions about a new one."""
    # A session of a draft series names no series: nobody is told of it through the series.
    series = public_or_none(event.series) if event.series_id else None
    if series is None:
        return 0
    registrants = (
        Registration.objects.filter(event__series_id=event.series_id, status__in=ATTENDING)
        .exclude(event=event)
        .values("user_id")
    )
    return notify_people(
        users=get_user_model().objects.filter(pk__in=registrants),
        key=f"series-session:{event.pk}",
        verb="series_session_added",
        title=in_reader_language(lambda: f"{series.title}: {event.title}"),
        body=in_reader_language(lambda: event.summary),
        path=page_path(event),
        reason="registered",
        starts_at=event.starts_at,
        to_many=True,
    )
