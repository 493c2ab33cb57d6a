"""The programme's reach in figures, for /statistics/ and /api/v1/statistics/.

Only public content counts: member cities are cities in an active cluster; pilots, trainings and
certificates count when their pilot, event or series is published (a draft never shows in a
public figure), and a training only once it has started (a scheduled one is a plan, not reach
yet). Collaboration requests are counted by outcome whatever they are about (a count
names nothing).

The figures take a fixed number of aggregate queries (`FIGURE_QUERIES`) whatever the amount of
content. They are kept twice, each copy until public content changes: in the shared cache under
the content generation of `core.page_cache`, and in the database
(`portal.models.StatisticsSummary`), which outlives an emptied cache, under a content version
that each committed change of public content adds one to. What changes without a publication (a
certificate issued, a request decided, a scheduled item coming due) shows within
`CACHE_SECONDS`.

A count reads the version and counts on the primary, and is kept in the database only if no
change was committed between reading the version and storing the figures (one conditional
UPDATE): a count that may have read the data from before a change is used by its own request and
nobody else's. The row is a cache written by whoever reads a page, so it is written on the
primary without marking the request as one that wrote (which would send that browser's next
reads to the primary, and keep the page from being shared).

The database copy saves the count when the cache lost the figures early (a restart of Redis,
memory reclaimed). After a publication, or once the ten minutes are over, both copies are
outdated together and the next reader counts, as before.

The cache holds codes and numbers, and each cluster's name in every language; labels are put
on in the reader's language (`statistics_charts`), so one kept copy serves every language.
"""

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import City, Region
from clusters.models import Cluster, ClusterMembership
from core.charts import Chart, Row, Series
from core.content_language import column, language_codes, reading_key, text_and_language
from core.db_routing import primary_reads
from core.page_cache import kept_for_content
from events.models import (
    Certificate,
    Event,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)
from events.stats import registrant_country
from projects.models import CollaborationRequest, CollaborationStatus, Project, ProjectPhase

from .models import StatisticsSummary

logger = logging.getLogger(__name__)

CACHE_KEY = "statistics:v4"  # (counted at, figures)
CACHE_SECONDS = 600
FIGURE_QUERIES = 10
# A count on an empty cache: the summary row read, the figures counted, the row written.
COUNTING_QUERIES = FIGURE_QUERIES + 2
SUMMARY_ID = 1

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


def _cluster_name_columns() -> list[str]:
    return [column("name", language) for language in language_codes()]


def _cluster_name(original_language: str, names: list[str]) -> str:
    """A cluster's name in the reader's language, with the fallback every page uses."""
    cluster = Cluster(
        original_language=original_language,
        **dict(zip(_cluster_name_columns(), names, strict=True)),
    )
    return text_and_language(cluster, "name")[0]


def _rows(rows) -> list[list]:
    """Rows as JSON keeps them: lists, not tuples."""
    return [list(row) for row in rows]


def _pilots_by_cluster_and_phase(pilots, public_clusters) -> list[list]:
    """(cluster id, phase, pilots) for each active cluster's published pilots, and (None, phase,
    pilots) for the published pilots in no active cluster.

    One pass over the pilots, left-joined to their links with an active cluster. The ORM has no
    left join to a filtered link table: through the links it joined every cluster's names to
    each of 20,000 pilots and compared each with a subquery (13 ms at scale), and the pilots in
    no active cluster were counted with the totals per phase (6 ms); this takes 7 ms, and the
    totals per phase 2 ms on their own (a pilot in two clusters counts once there). Both sides
    are the querysets' own SQL, so what counts as published and active is said in one place.
    """
    database = router.db_for_read(Project)

    def named_sql(queryset, **columns) -> tuple[str, tuple]:
        # Named columns, so the outer query does not depend on how the ORM names them (annotated
        # first: modeltranslation's values() with only named expressions selects every column).
        named = queryset.annotate(**columns).values(*columns).order_by()
        return named.query.get_compiler(using=database).as_sql()

    pilot_sql, pilot_params = named_sql(pilots, pilot_id=F("pk"), pilot_phase=F("phase"))
    link_sql, link_params = named_sql(
        Project.clusters.through.objects.filter(cluster__in=public_clusters),
        link_project=F("project"),
        link_cluster=F("cluster"),
    )
    sql = (
        "SELECT link_cluster, pilot_phase, COUNT(*)"  # noqa: S608 (the querysets' own SQL; values go as parameters)
        f" FROM ({pilot_sql}) pilot LEFT JOIN ({link_sql}) link ON link_project = pilot_id"
        " GROUP BY link_cluster, pilot_phase"
    )
    with connections[database].cursor() as cursor:
        cursor.execute(sql, (*pilot_params, *link_params))
        return _rows(cursor.fetchall())


def _figures_compute() -> dict:
    """Codes and counts, from FIGURE_QUERIES aggregate queries, as JSON has them (lists, and
    text keys), so the copy read back from the database is the same value."""
    public_clusters = Cluster.objects.public()
    member_city_ids = ClusterMembership.objects.filter(cluster__in=public_clusters).values("city")
    cities = _rows(
        City.objects.filter(pk__in=member_city_ids)
        .values_list("region", "country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pilots = Project.objects.published().pilots()
    clusters = _rows(
        public_clusters.values_list("pk", "original_language", *_cluster_name_columns()).order_by(
            "order", "pk"
        )
    )
    pilots_by_phase = dict(pilots.values_list("phase").annotate(n=Count("pk")).order_by())
    utc = dt.UTC
    trainings = Event.objects.published().trainings_started()
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
        [year, n, participants_by_year.get(year, 0)]
        for year, n in sorted(trainings_by_year.items())
    ]
    participants_by_country = _rows(
        attended.annotate(country=registrant_country())
        .values_list("country")
        .annotate(n=Count("user", distinct=True))
        .order_by()
    )
    participants = attended.values("user").distinct().count()
    requests = dict(
        CollaborationRequest.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    certificates = _rows(
        Certificate.objects.filter(series__in=TrainingSeries.objects.public())
        .annotate(year=ExtractYear("issued_on"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return {
        "cities": cities,
        "clusters": clusters,
        "pilots_by_cluster": _pilots_by_cluster_and_phase(pilots, public_clusters),
        "pilots_by_phase": pilots_by_phase,
        "by_year": by_year,
        "participants_by_country": participants_by_country,
        "participants": participants,
        "requests": requests,
        "certificates": certificates,
    }


def statistics_figures() -> dict:
    """The figures, from the cache or else the database while no publication happened since
    they were counted, and for CACHE_SECONDS at most."""
    return statistics_counted()[1]


def statistics_counted() -> tuple[dt.datetime, dict]:
    """(when the figures were counted, the figures): the page says when, since what changes
    without a publication (a request sent, a certificate issued) is counted only later."""
    counted_at, figures = kept_for_content(CACHE_KEY, _figures_kept_in_database, _seconds_left)
    return dt.datetime.fromtimestamp(counted_at, tz=dt.UTC), figures


def _seconds_left(counted: tuple[float, dict]) -> int:
    # Figures read back from the database are kept in the cache for what is left of their ten
    # minutes, not ten more.
    counted_at, _figures = counted
    return max(1, round(counted_at + CACHE_SECONDS - time.time()))


def _figures_kept_in_database() -> tuple[float, dict]:
    """(when they were counted, as a timestamp; the figures).

    Read and counted on the primary: the version and the counts must be of the same moment,
    which two replicas that lag differently would not give. It runs once per publication or
    per ten minutes, and the primary has the figures of the last commit.
    """
    with primary_reads():
        return _figures_read_or_counted()


def _figures_read_or_counted() -> tuple[float, dict]:
    summary = StatisticsSummary.objects.filter(pk=SUMMARY_ID).first()
    now = timezone.now()
    if summary is None:
        # Created before counting, so a change committed during the count outdates it.
        StatisticsSummary.objects.using(DEFAULT_DB_ALIAS).bulk_create(
            [StatisticsSummary(pk=SUMMARY_ID)], ignore_conflicts=True
        )
        version = 0
    elif (
        summary.figures is not None
        and summary.figures_version == summary.content_version
        and summary.counted_at > now - dt.timedelta(seconds=CACHE_SECONDS)
    ):
        return summary.counted_at.timestamp(), summary.figures
    else:
        version = summary.content_version
    figures = _figures_compute()
    # On the primary by name: the router would count this as the request's own write.
    StatisticsSummary.objects.using(DEFAULT_DB_ALIAS).filter(
        pk=SUMMARY_ID, content_version=version
    ).update(figures=figures, figures_version=version, counted_at=now)
    return now.timestamp(), figures


def statistics_summary_outdate(**kwargs) -> None:
    """`core.page_cache.content_changed`: public content was saved, published, withdrawn or
    deleted, and committed; the figures kept in the database are counted again at the next read.
    """
    try:
        # A savepoint when a transaction is open (a test running the commit's callbacks), so a
        # failure here does not spoil it.
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            StatisticsSummary.objects.using(DEFAULT_DB_ALIAS).filter(pk=SUMMARY_ID).update(
                content_version=F("content_version") + 1
            )
    except DatabaseError:
        # The change itself is committed: failing here would only turn its success into an
        # error page. The kept figures expire within CACHE_SECONDS anyway.
        if _summary_table_exists():
            logger.warning("The statistics summary could not be outdated.", exc_info=True)
        # else: a data migration of an earlier app saved content before this table existed.


def _summary_table_exists() -> bool:
    try:
        tables = connections[DEFAULT_DB_ALIAS].introspection.table_names()
    except DatabaseError:
        return True  # the database is unreachable: worth the warning
    return StatisticsSummary._meta.db_table in tables


def statistics_totals(figures: dict) -> Totals:
    requests = figures["requests"]
    return Totals(
        member_cities=sum(n for _region, _country, n in figures["cities"]),
        countries=len({country for _region, country, _n in figures["cities"]}),
        pilots=sum(figures["pilots_by_phase"].values()),
        trainings=sum(row[1] for row in figures["by_year"]),
        participants=figures["participants"],
        certificates=sum(n for _year, n in figures["certificates"]),
        collaboration_requests=sum(requests.values()),
    )


def _country_name(code: str | None) -> str:
    return str(countries.name(code)) if code else _("Unknown")


def _largest_first(counts: dict[str, int], *, label_of) -> list[Row]:
    rows = [Row(label=label_of(key), values=(n,), key=key or "") for key, n in counts.items()]
    return sorted(rows, key=lambda row: (-row.total, reading_key(row.label)))


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
    counts: dict[int | None, dict] = {}
    for cluster_id, phase, n in figures["pilots_by_cluster"]:
        counts.setdefault(cluster_id, dict.fromkeys(phases, 0))[ProjectPhase(phase)] = n
    pilot_rows = [
        Row(
            label=_cluster_name(original_language, names),
            values=tuple(counts.get(pk, dict.fromkeys(phases, 0)).values()),
            key=str(pk),
        )
        for pk, original_language, *names in figures["clusters"]
    ]
    if None in counts:
        pilot_rows.append(Row(label=_("No cluster"), values=tuple(counts[None].values()), key=""))
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
