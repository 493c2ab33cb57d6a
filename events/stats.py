"""Participation statistics for staff: who registered, who came, from where, for which body.

A participant's country is their city's country, or else their organization's; people with
neither are counted as "Unknown" so the totals add up.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _
from django_countries import countries

from core.charts import Chart, Row, Series

from .models import (
    Certificate,
    Event,
    FinalRequirementCompletion,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)

TOP_ROWS = 10


@dataclass
class Participation:
    registrations: int
    participants: int
    attended: int
    waitlisted: int
    cancelled: int
    countries: list[tuple[str, int]]
    organizations: list[tuple[str, int]]
    certificates: int | None = None
    sessions: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def attendance_rate(self) -> int | None:
        seats = self.registrations - self.waitlisted
        return round(100 * self.attended / seats) if seats else None

    def charts(self) -> list[Chart]:
        def one(slug, title, category, rows):
            return Chart(
                slug=slug,
                title=title,
                category=category,
                series=[Series("people", _("People"))],
                rows=[Row(label=label, values=(value,)) for label, value in rows],
            )

        charts = [
            one(
                "registrations",
                _("Registrations and attendance"),
                _("Status"),
                [
                    (_("Registered (seat held)"), self.registrations - self.waitlisted),
                    (_("Attended"), self.attended),
                    (_("Waitlisted"), self.waitlisted),
                    (_("Cancelled"), self.cancelled),
                ],
            ),
            one("countries", _("Participants by country"), _("Country"), self.countries),
            one(
                "organizations",
                _("Participants by organization"),
                _("Organization"),
                self.organizations,
            ),
        ]
        if self.sessions:
            charts.append(
                Chart(
                    slug="sessions",
                    title=_("Attendance by session"),
                    category=_("Session"),
                    series=[
                        Series("registered", _("Registered")),
                        Series("attended", _("Attended")),
                    ],
                    rows=[
                        Row(label=title, values=(registered, attended))
                        for title, registered, attended in self.sessions
                    ],
                )
            )
        return charts


def registrant_country():
    """A registrant's country code: their city's, else their organization's, else None."""
    return Coalesce(
        NullIf(F("user__city__country"), Value("")),
        NullIf(F("user__organization__country"), Value("")),
    )


def _top(rows, *, label_of) -> list[tuple[str, int]]:
    """The largest groups by name, and the rest summed up as "Other"."""
    rows = sorted(rows, key=lambda row: (-row[1], label_of(row[0])))
    top = [(label_of(key), count) for key, count in rows[:TOP_ROWS]]
    rest = sum(count for _key, count in rows[TOP_ROWS:])
    if rest:
        top.append((_("Other"), rest))
    return top


def _participation(registrations: QuerySet[Registration]) -> dict:
    by_status = dict(registrations.values_list("status").annotate(n=Count("pk")).order_by("status"))
    active = registrations.exclude(status=RegistrationStatus.CANCELLED)
    country_rows = (
        active.annotate(country=registrant_country())
        .values_list("country")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    organization_rows = (
        active.values_list("user__organization__name")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    return {
        "registrations": sum(
            n for status, n in by_status.items() if status != RegistrationStatus.CANCELLED
        ),
        "participants": active.values("user").distinct().count(),
        "attended": by_status.get(RegistrationStatus.ATTENDED, 0),
        "waitlisted": by_status.get(RegistrationStatus.WAITLISTED, 0),
        "cancelled": by_status.get(RegistrationStatus.CANCELLED, 0),
        "countries": _top(
            country_rows, label_of=lambda code: countries.name(code) if code else _("Unknown")
        ),
        "organizations": _top(
            organization_rows, label_of=lambda name: name or _("No organization")
        ),
    }


def event_participation(*, event: Event) -> Participation:
    return Participation(**_participation(Registration.objects.filter(event=event)))


def series_participation(*, series: TrainingSeries) -> Participation:
    """Over all sessions; "participants" counts each person once however many sessions they came to."""
    sessions = (
        Event.objects.filter(series=series)
        .annotate(
            registered=Count(
                "registrations",
                filter=~Q(registrations__status=RegistrationStatus.CANCELLED),
            ),
            came=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.ATTENDED)
            ),
        )
        .order_by("starts_at")
    )
    return Participation(
        **_participation(Registration.objects.filter(event__series=series)),
        certificates=Certificate.objects.filter(series=series).count(),
        sessions=[(session.title, session.registered, session.came) for session in sessions],
    )


@dataclass
class SeriesParticipant:
    user: object
    attended: int
    requirement_met_at: dt.datetime | None
    has_certificate: bool

    @property
    def requirement_met(self) -> bool:
        return self.requirement_met_at is not None


def series_participants(*, series: TrainingSeries) -> list[SeriesParticipant]:
    """Everyone holding a seat in a session, with their progress towards the certificate.

    People whose requirement is on record stay listed after cancelling, so staff can still
    correct the record.
    """
    completions = dict(
        FinalRequirementCompletion.objects.filter(series=series).values_list(
            "user_id", "completed_at"
        )
    )
    seat_holders = Registration.objects.filter(
        event__series=series,
        status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED),
    ).values("user")
    users = (
        get_user_model()
        .objects.filter(Q(pk__in=seat_holders) | Q(pk__in=list(completions)))
        .select_related("organization")
        .annotate(
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__event__series=series,
                    registrations__status=RegistrationStatus.ATTENDED,
                ),
            )
        )
        .order_by("name", "email")
    )
    certified = set(Certificate.objects.filter(series=series).values_list("user_id", flat=True))
    return [
        SeriesParticipant(
            user=user,
            attended=user.attended,
            requirement_met_at=completions.get(user.pk),
            has_certificate=user.pk in certified,
        )
        for user in users
    ]
