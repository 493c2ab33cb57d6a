import datetime as dt
from enum import StrEnum

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Organization
from clusters.models import Cluster
from core.api import visible_to
from core.visibility import public, public_prefetch
from projects.models import Project

from .models import (
    Certificate,
    Event,
    EventCoHost,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)

# What an event shows in a list ({% event_item %}, its time by {% event_time %}): a list
# reads these alone, not each event's description and summary in every language.
EVENT_ITEM_FIELDS = (
    "original_language",
    "slug",
    "title",
    "kind",
    "format",
    "starts_at",
    "ends_at",
    "time_zone",
    "city",
    "city__original_language",
    "city__slug",
    "city__name",
)

# What an event shows on the events pages and a series' sessions ({% event_list_item %}): the
# list item's fields with its summary, languages and series. The whole row carried its
# description in every language.
EVENT_LIST_ITEM_FIELDS = (*EVENT_ITEM_FIELDS, "summary", "languages", "series")

# Statuses that hold a seat: someone who attended took one too.
SEAT_HOLDING_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)


def _listed(queryset: QuerySet[Event]) -> QuerySet[Event]:
    # Series and clusters through the visibility rule: a draft series or an inactive cluster
    # is not named on a published event.
    return (
        queryset.select_related("city")
        .prefetch_related(
            public_prefetch("series", TrainingSeries), public_prefetch("clusters", Cluster)
        )
        .only(*EVENT_LIST_ITEM_FIELDS)
    )


def event_upcoming_list() -> QuerySet[Event]:
    return _listed(Event.objects.published().upcoming())


def event_past_list() -> QuerySet[Event]:
    return _listed(Event.objects.published().past())


def event_list_for_api(*, user) -> QuerySet[Event]:
    """Events with their clusters, projects, co-hosts and seats taken; drafts too for UN staff.

    Related items follow the reader's visibility (core.visibility): UN staff see draft series
    and projects and inactive clusters, everyone else reads them as absent.
    """
    queryset = (
        Event.objects.select_related("city")
        .prefetch_related(
            public_prefetch("series", TrainingSeries.objects.only("id", "slug"), viewer=user),
            public_prefetch("clusters", Cluster.objects.only("id", "slug"), viewer=user),
            public_prefetch("projects", Project.objects.only("id", "slug"), viewer=user),
            Prefetch("cohost_links", queryset=EventCoHost.objects.select_related("organization")),
        )
        # A correlated count, not Count() over a join: the join groups every event before
        # the page is cut (50,000 rows and 270 ms at scale); this counts for the 20 shown.
        .annotate(
            seats_taken=Coalesce(
                Subquery(
                    Registration.objects.filter(
                        event=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES
                    )
                    .order_by()
                    .values("event")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            )
        )
    )
    return visible_to(user, queryset)


def training_series_list_for_api(*, user) -> QuerySet[TrainingSeries]:
    """Series with their organizers, clusters and number of sessions; drafts too for UN staff.

    Clusters and sessions follow the reader's visibility (core.visibility): the public neither
    sees an inactive cluster nor counts a draft session.
    """
    queryset = TrainingSeries.objects.prefetch_related(
        Prefetch("organizers", queryset=Organization.objects.only("id", "slug")),
        public_prefetch("clusters", Cluster.objects.only("id", "slug"), viewer=user),
    ).annotate(
        session_count=Count(
            "sessions", filter=Q(sessions__in=public(Event, viewer=user)), distinct=True
        )
    )
    return visible_to(user, queryset)


def registration_list_for_api(*, user) -> QuerySet[Registration]:
    """The person's own registrations, with their events."""
    return Registration.objects.filter(user=user).select_related("event")


def event_detail(*, slug: str) -> Event:
    """A published event with its co-hosts, series sessions and seats taken; drafts are not found."""
    queryset = (
        Event.objects.published()
        .select_related("city")
        .annotate(
            seats_taken=Count(
                "registrations", filter=Q(registrations__status__in=SEAT_HOLDING_STATUSES)
            ),
            waitlist_length=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
            ),
        )
        .prefetch_related(
            public_prefetch("series", TrainingSeries),
            public_prefetch("clusters", Cluster),
            Prefetch(
                "cohost_links",
                queryset=EventCoHost.objects.select_related("organization"),
            ),
            public_prefetch(
                "projects", Project.objects.order_by("title"), to_attr="published_projects"
            ),
        )
    )
    event = get_object_or_404(queryset, slug=slug)
    event.other_sessions = (
        list(
            public(Event)
            .filter(series_id=event.series_id)
            .exclude(pk=event.pk)
            .order_by("starts_at")
        )
        if event.series is not None
        else []
    )
    return event


def event_seats_left(*, event: Event) -> int | None:
    """Seats still free, or None when the event has no limit."""
    if event.capacity is None:
        return None
    seats_taken = getattr(event, "seats_taken", None)
    if seats_taken is None:
        seats_taken = event.registrations.filter(status__in=SEAT_HOLDING_STATUSES).count()
    return max(event.capacity - seats_taken, 0)


class RegistrationWindow(StrEnum):
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


def event_registration_window(
    *, event: Event, now: dt.datetime | None = None
) -> RegistrationWindow:
    now = now or timezone.now()
    # Nobody can sign up for something that has already happened, whatever the window says.
    if event.ends_at < now:
        return RegistrationWindow.CLOSED
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationWindow.NOT_YET_OPEN
    if event.registration_closes_at and now >= event.registration_closes_at:
        return RegistrationWindow.CLOSED
    return RegistrationWindow.OPEN


def registration_for(*, user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(user=user, event=event).first()


def series_detail(*, slug: str) -> TrainingSeries:
    sessions = _listed(public(Event)).order_by("starts_at")
    queryset = TrainingSeries.objects.published().prefetch_related(
        "organizers",
        public_prefetch("clusters", Cluster),
        Prefetch("sessions", queryset=sessions, to_attr="published_sessions"),
    )
    series = get_object_or_404(queryset, slug=slug)
    now = timezone.now()
    series.upcoming_sessions = [s for s in series.published_sessions if s.ends_at >= now]
    series.past_sessions = [s for s in series.published_sessions if s.ends_at < now][::-1]
    return series


def certificate_by_code(*, code: str) -> Certificate | None:
    return (
        Certificate.objects.select_related("user", "series").filter(verification_code=code).first()
    )
