"""Writes of matchmaking: refreshing the precomputed suggestions of cities.

Suggestions are computed ahead, not at request time: at 5,000 cities, reading every offer for each
page view would not do. `city_matches_refresh` recomputes one city's suggestions from the
registered sources (core.suggestions) and writes the difference, keeping when each suggestion was
first made. What changes a city's suggestions (its needs, someone's offers, pilots, events,
registrations) enqueues a refresh of the cities concerned once the change is committed
(`matches_refresh_enqueue`, wired in matchmaking.signals); a nightly task refreshes every city.
"""

import logging
from collections import defaultdict

from celery import shared_task
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from cities.models import City, CityNeed
from clusters.models import ClusterMembership
from core.roles import CITY_OFFICIAL
from core.suggestions import CityNeeds, suggestion_sources
from events.models import Registration, RegistrationStatus
from projects.models import Project, ProjectCity, ProjectPartner

from . import scoring
from .models import CityMatch
from .reasons import reasons_for

logger = logging.getLogger(__name__)

REFRESH_ALL_CHUNK = 500


def _shared_topics(pairs, project_topics) -> dict[int, frozenset]:
    """{partner id: topic ids of the pilots shared with it} from (partner, project) pairs."""
    shared = defaultdict(set)
    for partner_id, project_id in pairs:
        shared[partner_id] |= project_topics.get(project_id, set())
    return {partner_id: frozenset(topics) for partner_id, topics in shared.items()}


def city_needs_build(city: City, *, now=None) -> CityNeeds:
    """What the sources are told about `city` (a fixed number of queries)."""
    needs = dict(
        CityNeed.objects.filter(city=city).values_list("topic_id", "topic__name").order_by()
    )
    project_ids = set(ProjectCity.objects.filter(city=city).values_list("project_id", flat=True))
    project_topics = defaultdict(set)
    for project_id, topic_id in Project.topics.through.objects.filter(
        project_id__in=project_ids
    ).values_list("project_id", "topic_id"):
        project_topics[project_id].add(topic_id)
    partner_cities = _shared_topics(
        ProjectCity.objects.filter(project_id__in=project_ids)
        .exclude(city=city)
        .values_list("city_id", "project_id"),
        project_topics,
    )
    partner_organizations = _shared_topics(
        ProjectPartner.objects.filter(project_id__in=project_ids).values_list(
            "organization_id", "project_id"
        ),
        project_topics,
    )
    official_ids = frozenset(
        User.objects.filter(city=city, groups__name=CITY_OFFICIAL).values_list("pk", flat=True)
    )
    registered = frozenset(
        Registration.objects.filter(user__in=official_ids)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values_list("event_id", flat=True)
    )
    clusters = dict(
        ClusterMembership.objects.filter(city=city)
        .order_by()
        .values_list("cluster_id", "cluster__name")
    )
    return CityNeeds(
        city_id=city.pk,
        city_name=city.name,
        region=city.region,
        country=str(city.country),
        need_topics=needs,
        hazards=frozenset(name.lower() for name in city.hazards.names()),
        cluster_names=clusters,
        project_ids=frozenset(project_ids),
        partner_cities=partner_cities,
        partner_organizations=partner_organizations,
        registered_event_ids=registered,
        official_ids=official_ids,
        now=now or timezone.now(),
    )


def _suggestions(needs: CityNeeds) -> list[CityMatch]:
    """The city's suggestions as unsaved rows: the best of each source."""
    if not needs.need_topics:
        return []
    rows = []
    for source in suggestion_sources():
        for points, parts, candidate in scoring.best(source.candidates(needs)):
            main_topic = min(candidate.topic_ids, key=lambda pk: needs.need_topics[pk])
            rows.append(
                CityMatch(
                    city_id=needs.city_id,
                    kind=source.kind,
                    target_id=candidate.target_id,
                    topic_id=main_topic,
                    score=points,
                    score_parts=parts,
                    reasons=reasons_for(candidate, needs),
                )
            )
    return rows


@transaction.atomic
def city_matches_refresh(*, city: City, now=None) -> list[CityMatch]:
    """Recompute `city`'s suggestions and store them; a suggestion found again keeps its
    `first_seen_at`, one no longer found is removed. Returns the city's rows."""
    now = now or timezone.now()
    wanted = {
        (row.kind, row.target_id): row for row in _suggestions(city_needs_build(city, now=now))
    }
    current = {
        (row.kind, row.target_id): row
        for row in CityMatch.objects.select_for_update().filter(city=city)
    }
    gone = [row.pk for key, row in current.items() if key not in wanted]
    if gone:
        CityMatch.objects.filter(pk__in=gone).delete()
    changed, new = [], []
    for key, row in wanted.items():
        row.refreshed_at = now
        existing = current.get(key)
        if existing is None:
            row.first_seen_at = now
            new.append(row)
        elif (existing.score, existing.score_parts, existing.reasons, existing.topic_id) != (
            row.score,
            row.score_parts,
            row.reasons,
            row.topic_id,
        ):
            row.pk, row.first_seen_at = existing.pk, existing.first_seen_at
            changed.append(row)
    if new:
        CityMatch.objects.bulk_create(new)
    if changed:
        CityMatch.objects.bulk_update(
            changed, ["topic", "score", "score_parts", "reasons", "refreshed_at"]
        )
    return list(CityMatch.objects.filter(city=city))


def matches_refresh(*, city_ids=(), topic_ids=()) -> int:
    """Refresh these cities and every city that needs one of these topics; returns how many."""
    ids = set(city_ids)
    if topic_ids:
        ids |= set(
            CityNeed.objects.filter(topic__in=list(topic_ids)).values_list("city_id", flat=True)
        )
    refreshed = 0
    for city in City.objects.filter(pk__in=ids).order_by("pk"):
        city_matches_refresh(city=city)
        refreshed += 1
    return refreshed


def matches_refresh_all() -> int:
    """Refresh every city (the nightly task): cities with needs, and the others' stale rows."""
    with_needs = CityNeed.objects.values_list("city_id", flat=True).distinct()
    with_rows = CityMatch.objects.values_list("city_id", flat=True).distinct()
    ids = sorted(set(with_needs) | set(with_rows))
    refreshed = 0
    for start in range(0, len(ids), REFRESH_ALL_CHUNK):
        refreshed += matches_refresh(city_ids=ids[start : start + REFRESH_ALL_CHUNK])
    logger.info("matchmaking: refreshed the suggestions of %d cities", refreshed)
    return refreshed


# --- Refresh on change --------------------------------------------------------------------------

_PENDING = "_matchmaking_pending_refresh"


def _flush() -> None:
    pending = getattr(connection, _PENDING, None)
    if not pending:
        return
    setattr(connection, _PENDING, None)
    refresh_matches.delay(sorted(pending["cities"]), sorted(pending["topics"]))


def matches_refresh_enqueue(*, city_ids=(), topic_ids=()) -> None:
    """Refresh these cities, and those needing these topics, once the transaction commits.

    Everything a transaction changes (a city saved with five needs, a pilot with its topics)
    adds to one pending set, sent as one task when it commits.
    """
    city_ids, topic_ids = {pk for pk in city_ids if pk}, {pk for pk in topic_ids if pk}
    if not city_ids and not topic_ids:
        return
    pending = getattr(connection, _PENDING, None)
    if pending is None:
        pending = {"cities": set(), "topics": set()}
        setattr(connection, _PENDING, pending)
    pending["cities"] |= city_ids
    pending["topics"] |= topic_ids
    # The first flush to run after the commit sends the whole pending set; the others find it
    # empty. A rolled-back transaction leaves its ids for the next flush: a refresh too many,
    # never one too few.
    transaction.on_commit(_flush)


# Named after matchmaking.tasks, which lists them for Celery (the settings route and schedule them
# by these names); defined here, beside the code that queues them.
@shared_task(name="matchmaking.tasks.refresh_matches")
def refresh_matches(city_ids, topic_ids):
    return {"cities": matches_refresh(city_ids=city_ids, topic_ids=topic_ids)}


@shared_task(name="matchmaking.tasks.refresh_all_matches")
def refresh_all_matches():
    return {"cities": matches_refresh_all()}
