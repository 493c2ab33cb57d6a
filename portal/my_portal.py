"""Reads for "My portal" (/me/): one signed-in person's registrations, certificates, requests,
follows and notifications, their city's profile gaps for a city official, and the desk of UN staff.

Each part is a small fixed number of queries whatever the person has: lists are cut to a few
rows (the full lists have their own pages) and counted in the same query or one more.
"""

import datetime as dt
import functools
from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import RoleRequest, RoleRequestStatus
from accounts.selectors import followed_by_user
from cities.models import City
from core.roles import CITY_OFFICIAL, is_editor, role_names, user_has_role
from core.sql_names import column, execute_prepared, table
from events.certificates import certificates_of
from events.models import Certificate, Event, Registration, RegistrationStatus, TrainingSeries
from matchmaking.models import CityMatch
from notifications.models import Notification, Subscription
from notifications.registry import verb_label
from opportunities.models import OPEN_APPLICATION_STATUSES, Application
from opportunities.selectors import opportunity_applications_for_user
from projects.models import OPEN_COLLABORATION_STATUSES, CollaborationRequest, Project
from resources.models import Resource, ReviewState

# How many rows each list shows before "see all".
LIST_SIZE = 10
# "This week" for staff: events starting in the next seven days.
STAFF_WEEK = dt.timedelta(days=7)


def _public_events():
    return Event.objects.public().values("pk")


# --- Registrations and certificates ---------------------------------------------------------------


def upcoming_registrations(*, user, now=None) -> list[Registration]:
    """Places held or waited for at published events not yet over, soonest first.

    A waitlisted registration carries `waitlist_position` (1 = next to get a seat), counted the
    way a freed seat is given: by when the person joined the waitlist.
    """
    now = now or timezone.now()
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), updated_at__lt=OuterRef("updated_at"))
            | Q(
                waitlisted_at=OuterRef("waitlisted_at"),
                updated_at=OuterRef("updated_at"),
                pk__lt=OuterRef("pk"),
            )
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Registration.objects.filter(
            user=user,
            status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED),
            event__in=_public_events(),
            event__ends_at__gte=now,
        )
        .select_related("event", "event__city")
        .annotate(waitlist_ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), 0))
        .order_by("event__starts_at", "pk")[:LIST_SIZE]
    )


def past_attendance(*, user, now=None) -> list[Registration]:
    """Published events the person attended, latest first."""
    now = now or timezone.now()
    return list(
        Registration.objects.filter(
            user=user,
            status=RegistrationStatus.ATTENDED,
            event__in=_public_events(),
            event__starts_at__lt=now,
        )
        .select_related("event", "event__city")
        .order_by("-event__starts_at", "-pk")[:LIST_SIZE]
    )


def my_certificates(*, user) -> list:
    return list(certificates_of(user=user)[:LIST_SIZE])


# --- Requests, follows, notifications -------------------------------------------------------------


def my_collaboration_requests(*, user) -> list[CollaborationRequest]:
    """The person's own requests (never another's), newest first, with their status."""
    return list(
        CollaborationRequest.objects.filter(requester=user)
        .select_related("project", "cluster", "city")
        .order_by("-created_at", "-pk")[:LIST_SIZE]
    )


def my_applications(*, user) -> list[Application]:
    """Applications to fellowships, calls and exchanges, newest first, with their status."""
    return list(opportunity_applications_for_user(user)[:LIST_SIZE])


def my_follows(*, user) -> list:
    """What the person follows, each with its email delivery ("" = as in the profile)."""
    return list(followed_by_user(user=user)[:LIST_SIZE])


def unread_notifications(*, user) -> list[Notification]:
    rows = list(
        Notification.objects.unread()
        .filter(recipient=user)
        .only("pk", "verb", "title", "url", "created_at", "read_at")
        .order_by("-created_at", "-pk")[:LIST_SIZE]
    )
    for notification in rows:
        notification.verb_label = verb_label(notification.verb)
    return rows


# --- A city official's city -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileGap:
    """One thing the city's profile lacks, and the field of the edit page that fills it."""

    key: str
    label: str
    url: str


@dataclass
class CityCompleteness:
    city: City
    checks: int
    gaps: list[ProfileGap] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * (self.checks - len(self.gaps)) / self.checks)


# (key, what is missing, the edit form's field it links to, is it missing?)
CITY_CHECKS = (
    ("photo", _("No photo"), "photo", lambda city: not city.photo),
    ("summary", _("No summary"), "summary", lambda city: not city.summary.strip()),
    ("description", _("No description"), "description", lambda city: not city.description.strip()),
    (
        "contact",
        _("No contact person or email"),
        "contact_name",
        lambda city: not (city.contact_name.strip() and city.contact_email),
    ),
    (
        "coordinates",
        _("No coordinates for the map"),
        "latitude",
        # Required by the model, so a city added without them carries 0, 0 (open sea).
        lambda city: not city.latitude and not city.longitude,
    ),
    ("hazards", _("No hazards listed"), "hazards", lambda city: not city.hazard_count),
    ("population", _("No population"), "population", lambda city: city.population is None),
    ("website", _("No website"), "website", lambda city: not city.website),
)


def city_completeness(*, user) -> CityCompleteness | None:
    """For a city official, what their city's profile lacks (one query); None for anyone else."""
    if not user.city_id or not user_has_role(user, CITY_OFFICIAL):
        return None
    city = City.objects.annotate(hazard_count=Count("hazards")).filter(pk=user.city_id).first()
    if city is None:
        return None
    edit_url = reverse("cities:edit", kwargs={"slug": city.slug})
    gaps = [
        ProfileGap(key=key, label=str(label), url=f"{edit_url}#id_{field_name}")
        for key, label, field_name, missing in CITY_CHECKS
        if missing(city)
    ]
    return CityCompleteness(city=city, checks=len(CITY_CHECKS), gaps=gaps)


# --- UN staff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftCount:
    key: str
    label: str
    count: int


@dataclass
class StaffDesk:
    drafts: list[DraftCount]
    proposals_awaiting_review: int
    role_requests_pending: int
    applications_waiting: int
    collaboration_waiting: list[CollaborationRequest]
    collaboration_waiting_count: int
    events_this_week: list[Event]


def _draft_counts() -> list[DraftCount]:
    resources = Resource.objects.drafts().filter(review_state=ReviewState.NONE)
    return [
        DraftCount("projects", str(_("Pilots and programmes")), Project.objects.drafts().count()),
        DraftCount("events", str(_("Events")), Event.objects.drafts().count()),
        DraftCount(
            "training_series", str(_("Training series")), TrainingSeries.objects.drafts().count()
        ),
        DraftCount("resources", str(_("Resources and news")), resources.count()),
    ]


def staff_desk(*, user, now=None) -> StaffDesk | None:
    """What waits for UN staff (ten queries); None for anyone else."""
    if not is_editor(user):
        return None
    now = now or timezone.now()
    waiting = CollaborationRequest.objects.filter(status__in=OPEN_COLLABORATION_STATUSES)
    events = (
        Event.objects.filter(starts_at__gte=now, starts_at__lt=now + STAFF_WEEK)
        .select_related("city")
        .annotate(
            registered_count=Count(
                "registrations",
                filter=Q(
                    registrations__status__in=(
                        RegistrationStatus.REGISTERED,
                        RegistrationStatus.ATTENDED,
                    )
                ),
            ),
            waitlisted_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
            ),
        )
        .order_by("starts_at", "pk")
    )
    return StaffDesk(
        drafts=_draft_counts(),
        proposals_awaiting_review=Resource.objects.filter(
            review_state=ReviewState.PROPOSED
        ).count(),
        role_requests_pending=RoleRequest.objects.filter(status=RoleRequestStatus.PENDING).count(),
        applications_waiting=Application.objects.filter(
            status__in=OPEN_APPLICATION_STATUSES
        ).count(),
        collaboration_waiting=list(
            waiting.select_related("project", "cluster", "city", "assigned_to").order_by(
                "created_at", "pk"
            )[:LIST_SIZE]
        ),
        collaboration_waiting_count=waiting.count(),
        events_this_week=list(events[:LIST_SIZE]),
    )


# --- The whole page ---------------------------------------------------------------------------------


@dataclass
class MyPortal:
    upcoming: list[Registration]
    past: list[Registration]
    certificates: list
    collaboration_requests: list[CollaborationRequest]
    applications: list[Application]
    follows: list
    notifications: list[Notification]
    city: CityCompleteness | None
    staff: StaffDesk | None


def my_portal(*, user, now=None) -> MyPortal:
    now = now or timezone.now()
    return MyPortal(
        upcoming=upcoming_registrations(user=user, now=now),
        past=past_attendance(user=user, now=now),
        certificates=my_certificates(user=user),
        collaboration_requests=my_collaboration_requests(user=user),
        applications=my_applications(user=user),
        follows=my_follows(user=user),
        notifications=unread_notifications(user=user),
        city=city_completeness(user=user),
        staff=staff_desk(user=user, now=now),
    )


# --- The version of one person's page ---------------------------------------------------------------


@functools.cache
def _version_sql() -> str:
    """One statement: for each kind of row the page shows of its reader, how many there are and
    the latest change among them. Built from the models' tables and columns; written as SQL
    because it runs on every visit, where compiling ORM subqueries would cost what it saves."""

    def part(label, model, latest, where):
        return (
            f"SELECT '{label}', COUNT(*), CAST(MAX({column(model, latest)}) AS TEXT) "  # noqa: S608 (names from the models; values go as params)
            f"FROM {table(model)} WHERE {where}"
        )

    # Others on the waitlists the reader is on: their moves change the reader's place.
    waiting_for = (
        f"SELECT {column(Registration, 'event')} FROM {table(Registration)} "  # noqa: S608 (as above)
        f"WHERE {column(Registration, 'user')} = %s AND {column(Registration, 'status')} = %s"
    )
    parts = (
        part("registrations", Registration, "updated_at", f"{column(Registration, 'user')} = %s"),
        part(
            "waitlists",
            Registration,
            "updated_at",
            f"{column(Registration, 'event')} IN ({waiting_for})",
        ),
        part("certificates", Certificate, "id", f"{column(Certificate, 'user')} = %s"),
        part(
            "collaboration",
            CollaborationRequest,
            "updated_at",
            f"{column(CollaborationRequest, 'requester')} = %s",
        ),
        part("applications", Application, "updated_at", f"{column(Application, 'applicant')} = %s"),
        part("follows", Subscription, "updated_at", f"{column(Subscription, 'user')} = %s"),
        part(
            "unread",
            Notification,
            "id",
            f"{column(Notification, 'recipient')} = %s AND {column(Notification, 'read_at')} IS NULL",
        ),
        part("suggestions", CityMatch, "refreshed_at", f"{column(CityMatch, 'city')} = %s"),
    )
    return " UNION ALL ".join(parts)


@dataclass(frozen=True)
class MyPortalVersion:
    rows: tuple  # (kind, count, latest change) for each kind of row
    account: tuple

    @property
    def unread(self) -> int:
        return next(count for kind, count, _latest in self.rows if kind == "unread")


def my_portal_version(*, user) -> MyPortalVersion | None:
    """What "My portal" shows of `user`, in a few values that change whenever it does (one query),
    for keeping their page rendered (core.shared_pages.personal_page). None for UN staff: their
    desk counts everyone's rows, so their page is always rendered afresh."""
    if is_editor(user):
        return None
    params = [user.pk, user.pk, RegistrationStatus.WAITLISTED, *[user.pk] * 5, user.city_id]
    # Where the page's own reads go: a replica on a safe request (core.db_routing).
    with connections[router.db_for_read(Registration)].cursor() as cursor:
        execute_prepared(cursor, name="my_portal_version", sql=_version_sql(), params=params)
        rows = tuple(sorted(cursor.fetchall()))
    # What the page shows of the account itself (kept up to date by core.user_cache).
    account = (user.email, user.name, user.digest_frequency, user.city_id, sorted(role_names(user)))
    return MyPortalVersion(rows=rows, account=account)
