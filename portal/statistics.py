"""The programme's reach in figures, for /statistics/ and /api/v1/statistics/.

Only public content counts: member cities are cities in an active cluster; pilots, trainings and
certificates count when their pilot, event or series is published (a draft never shows in a
public figure), and a training only once it has started (a scheduled one is a plan, not reach
yet). Collaboration requests are counted by outcome whatever they are about (a count
names nothing).

The figures take a fixed number of aggregate queries (`FIGURE_QUERIES`) whatever the amount of
content, and are kept in the cache under the content generation of `core.page_cache`: publishing
or withdrawing anything starts a new generation, so the next visitor gets fresh figures. What
changes without a publication (a certificate issued, a request decided, a scheduled item coming
due) shows within `CACHE_SECONDS`.

The cache holds codes and numbers, and each cluster's name in every language; labels are put
on in the reader's language (`statistics_charts`), so one kept copy serves every language.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import City, Region
from clusters.models import Cluster, ClusterMembership
from core.charts import Chart, Row, Series
from core.content_language import column, language_codes, text_and_language
from core.page_cache import kept_for_content
from events.models import (
    Certificate,
    Event,
    EventKind,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)
from events.stats import registrant_country
from projects.models import CollaborationRequest, CollaborationStatus, Project, ProjectPhase

CACHE_KEY = "statistics:v2"
CACHE_SECONDS = 600
FIGURE_QUERIES = 9

# Events that count as trainings, besides every session of a training series.
TRAINING_KINDS = (
    EventKind.TRAINING_SESSION,
    EventKind.WORKSHOP,
    EventKind.CAPACITY_DEVELOPMENT,
)
# Requests still waiting for a decision are shown together.
AWAITING = "awaiting"


@dataclass(frozen=True)
class Totals:
    member_cities: int
    countries: int
    pilots: int
    trainings: int
    participants: int
    certificates: int
    collaboration_requests: int


def _trainings():
    """Published trainings that have started: the programme's reach, not its plans."""
    return Event.objects.published().filter(
        Q(kind__in=TRAINING_KINDS) | Q(series__isnull=False), starts_at__lte=timezone.now()
    )


def _cluster_name_columns() -> list[str]:
    return [column("name", language) for language in language_codes()]


def _cluster_name(original_language: str, names: list[str]) -> str:
    """A cluster's name in the reader's language, with the fallback every page uses."""
    cluster = Cluster(
        original_language=original_language,
        **dict(zip(_cluster_name_columns(), names, strict=True)),
    )
    return text_and_language(cluster, "name")[0]


def _figures_compute() -> dict:
    """Codes and counts, from FIGURE_QUERIES aggregate queries."""
    public_clusters = Cluster.objects.public()
    member_city_ids = ClusterMembership.objects.filter(cluster__in=public_clusters).values("city")
    cities = list(
        City.objects.filter(pk__in=member_city_ids)
        .values_list("region", "country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pilots = Project.objects.published().pilots()
    # Every active cluster, with its published pilots per phase (none: a row with phase None).
    by_cluster = list(
        public_clusters.values_list(
            "pk", "original_language", *_cluster_name_columns(), "order", "projects__phase"
        )
        .annotate(
            n=Count(
                "projects",
                filter=Q(projects__in=pilots),
            )
        )
        .order_by("order", "pk")
    )
    clustered = Project.clusters.through.objects.filter(cluster__in=public_clusters).values(
        "project"
    )
    by_phase = {
        phase: (n, unclustered)
        for phase, n, unclustered in pilots.values_list("phase")
        .annotate(n=Count("pk"), unclustered=Count("pk", filter=~Q(pk__in=clustered)))
        .order_by()
    }
    utc = dt.UTC
    trainings = _trainings()
    # Trainings and participants are counted apart: counted over the trainings joined to their
    # registrations, each training had to be told apart from its copies (59 ms at 50,000
    # events, against 35 ms and 1 ms).
    trainings_by_year = dict(
        trainings.annotate(year=ExtractYear("starts_at", tzinfo=utc))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    attended = Registration.objects.filter(event__in=trainings, status=RegistrationStatus.ATTENDED)
    participants_by_year = dict(
        attended.annotate(year=ExtractYear("event__starts_at", tzinfo=utc))
        .values_list("year")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    by_year = [
        (year, n, participants_by_year.get(year, 0))
        for year, n in sorted(trainings_by_year.items())
    ]
    participants_by_country = list(
        attended.annotate(country=registrant_country())
        .values_list("country")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    participants = attended.values("user").distinct().count()
    requests = dict(
        CollaborationRequest.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    certificates = list(
        Certificate.objects.filter(series__in=TrainingSeries.objects.public())
        .annotate(year=ExtractYear("issued_on"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return {
        "cities": cities,
        "by_cluster": by_cluster,
        "by_phase": by_phase,
        "by_year": by_year,
        "participants_by_country": participants_by_country,
        "participants": participants,
        "requests": requests,
        "certificates": certificates,
    }


def statistics_figures() -> dict:
    """The figures, from the cache while no publication happened since they were counted."""
    return kept_for_content(CACHE_KEY, _figures_compute, CACHE_SECONDS)


def statistics_totals(figures: dict) -> Totals:
    requests = figures["requests"]
    return Totals(
        member_cities=sum(n for _region, _country, n in figures["cities"]),
        countries=len({country for _region, country, _n in figures["cities"]}),
        pilots=sum(n for n, _unclustered in figures["by_phase"].values()),
        trainings=sum(row[1] for row in figures["by_year"]),
        participants=figures["participants"],
        certificates=sum(n for _year, n in figures["certificates"]),
        collaboration_requests=sum(requests.values()),
    )


def _country_name(code: str | None) -> str:
    return str(countries.name(code)) if code else _("Unknown")


def _largest_first(counts: dict[str, int], *, label_of) -> list[Row]:
    rows = [Row(label=label_of(key), values=(n,), key=key or "") for key, n in counts.items()]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def _outcome_label(outcome: str) -> str:
    if outcome == AWAITING:
        return _("Awaiting a decision")
    return str(CollaborationStatus(outcome).label)


def statistics_charts(figures: dict) -> list[Chart]:
    """The charts, labelled in the active language, in the order the page shows them."""
    by_region: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for region, country, n in figures["cities"]:
        by_region[region] = by_region.get(region, 0) + n
        by_country[country] = by_country.get(country, 0) + n
    cities = _("Member cities")
    phases = list(ProjectPhase)
    cluster_rows: dict[int, dict] = {}
    for pk, original_language, *names, _order, phase, n in figures["by_cluster"]:
        row = cluster_rows.setdefault(
            pk,
            {"name": _cluster_name(original_language, names), "counts": dict.fromkeys(phases, 0)},
        )
        if phase is not None:
            row["counts"][ProjectPhase(phase)] += n
    pilot_rows = [
        Row(label=row["name"], values=tuple(row["counts"].values()), key=str(pk))
        for pk, row in cluster_rows.items()
    ]
    unclustered = tuple(figures["by_phase"].get(phase.value, (0, 0))[1] for phase in phases)
    if any(unclustered):
        pilot_rows.append(Row(label=_("No cluster"), values=unclustered, key=""))
    requests = figures["requests"]
    outcomes = {
        CollaborationStatus.ACCEPTED: requests.get(CollaborationStatus.ACCEPTED, 0),
        CollaborationStatus.DECLINED: requests.get(CollaborationStatus.DECLINED, 0),
        CollaborationStatus.WITHDRAWN: requests.get(CollaborationStatus.WITHDRAWN, 0),
        AWAITING: requests.get(CollaborationStatus.SUBMITTED, 0)
        + requests.get(CollaborationStatus.UNDER_REVIEW, 0),
    }
    return [
        Chart(
            slug="cities-by-region",
            title=_("Member cities by region"),
            category=_("Region"),
            series=[Series("cities", cities)],
            rows=[
                Row(label=str(region.label), values=(by_region.get(region.value, 0),), key=region)
                for region in Region
            ],
        ),
        Chart(
            slug="cities-by-country",
            title=_("Member cities by country"),
            category=_("Country"),
            series=[Series("cities", cities)],
            rows=_largest_first(by_country, label_of=_country_name),
        ),
        Chart(
            slug="pilots-by-cluster",
            title=_("Pilots by cluster and phase"),
            category=_("Cluster"),
            series=[Series(phase.value, str(phase.label)) for phase in phases],
            rows=pilot_rows,
            note=_("A pilot in several clusters counts in each of them."),
        ),
        Chart(
            slug="trainings-by-year",
            title=_("Trainings and participants by year"),
            category=_("Year"),
            series=[
                Series("trainings", _("Trainings")),
                Series("participants", _("Participants")),
            ],
            rows=[
                Row(label=str(year), values=(trainings, participants), key=str(year))
                for year, trainings, participants in figures["by_year"]
            ],
            note=_(
                "Training sessions, workshops and capacity-development events; participants are "
                "the people who attended, each counted once a year."
            ),
        ),
        Chart(
            slug="participants-by-country",
            title=_("Training participants by country"),
            category=_("Country"),
            series=[Series("participants", _("Participants"))],
            rows=_largest_first(dict(figures["participants_by_country"]), label_of=_country_name),
            note=_("A participant's country is their city's, or else their organization's."),
        ),
        Chart(
            slug="requests-by-outcome",
            title=_("Collaboration requests by outcome"),
            category=_("Outcome"),
            series=[Series("requests", _("Collaboration requests"))],
            rows=[
                Row(label=_outcome_label(outcome), values=(n,), key=str(outcome))
                for outcome, n in outcomes.items()
            ],
        ),
        Chart(
            slug="certificates-by-year",
            title=_("Certificates issued by year"),
            category=_("Year"),
            series=[Series("certificates", _("Certificates issued"))],
            rows=[
                Row(label=str(year), values=(n,), key=str(year))
                for year, n in figures["certificates"]
            ],
        ),
    ]
