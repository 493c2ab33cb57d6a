"""Daily and weekly digests: what is new in what a reader follows, grouped and deduplicated.

A run walks the readers in keyset batches of user ids. Each batch costs the same fixed number of
queries whatever its size: the batch's subscriptions, its previous digests, the new items linked
to anything the batch follows (one query per kind plus one per link table), the cluster names,
and the bulk inserts. Everything else is done in memory.

A Digest row is unique per (user, period, period_start) and written with the outbox row, so a rerun
of the same period sends nothing more. A reader with nothing new gets no email and no row.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from clusters.models import Cluster, Resource
from events.models import Event
from projects.models import Project, ProjectCity, ProjectUpdate

from .content import (
    SECTION_EVENTS,
    SECTION_LABELS,
    SECTION_PILOTS,
    SECTIONS,
    ContentItem,
    absolute_url,
    object_path,
    resource_section,
)
from .delivery import outbox_create, outbox_enqueue
from .emails import email_render, outbox_row
from .models import Digest, DigestPeriod, OutboxEmail, Subscription
from .tokens import unsubscribe_url

DIGEST_BATCH_SIZE = 200
UPCOMING_WINDOW = dt.timedelta(days=30)
UPCOMING_LIMIT = 10


@dataclass
class DigestRunSummary:
    period: str
    period_start: dt.date
    readers: int = 0
    sent: int = 0
    nothing_new: int = 0
    already_sent: int = 0
    dry_run: bool = False


def digest_period_start(*, period: str, today: dt.date) -> dt.date:
    """The first day a run on `today` covers: yesterday, or the Monday of last week."""
    if period == DigestPeriod.DAILY:
        return today - dt.timedelta(days=1)
    if period == DigestPeriod.WEEKLY:
        return today - dt.timedelta(days=today.weekday() + 7)
    raise ValueError(f"Unknown digest period {period!r}.")


def digest_subscriptions(*, period: str):
    """Subscriptions whose email goes into this period's digest."""
    return Subscription.objects.filter(
        Q(delivery=period) | Q(delivery="", user__digest_frequency=period),
        user__is_active=True,
    )


def digest_reader_count(*, period: str) -> int:
    return digest_subscriptions(period=period).values("user_id").distinct().count()


def digest_build_and_send(
    *,
    period: str,
    period_start: dt.date,
    dry_run: bool = False,
    batch_size: int = DIGEST_BATCH_SIZE,
    on_batch=None,
    now=None,
) -> DigestRunSummary:
    now = now or timezone.now()
    summary = DigestRunSummary(period=period, period_start=period_start, dry_run=dry_run)
    readers = (
        digest_subscriptions(period=period).order_by("user_id").values_list("user_id", flat=True)
    )
    last_id = 0
    while True:
        user_ids = list(readers.filter(user_id__gt=last_id).distinct()[:batch_size])
        if not user_ids:
            break
        digest_batch_send(
            period=period,
            period_start=period_start,
            user_ids=user_ids,
            now=now,
            dry_run=dry_run,
            summary=summary,
        )
        last_id = user_ids[-1]
        if on_batch:
            on_batch(len(user_ids))
    return summary


def digest_batch_send(*, period, period_start, user_ids, now, dry_run, summary) -> None:
    subscriptions = list(
        digest_subscriptions(period=period).filter(user_id__in=user_ids).select_related("user")
    )
    previous = {
        row["user_id"]: row
        for row in Digest.objects.filter(user_id__in=user_ids, period=period)
        .values("user_id")
        .annotate(
            last_at=Max("created_at"), this_period=Count("pk", filter=Q(period_start=period_start))
        )
    }
    window_start = dt.datetime.combine(period_start, dt.time.min, tzinfo=dt.UTC)

    readers = {}
    for subscription in subscriptions:
        reader = readers.setdefault(
            subscription.user_id,
            {"user": subscription.user, "clusters": set(), "cities": set(), "projects": set()},
        )
        if subscription.cluster_id:
            reader["clusters"].add(subscription.cluster_id)
        elif subscription.city_id:
            reader["cities"].add(subscription.city_id)
        else:
            reader["projects"].add(subscription.project_id)
    summary.readers += len(readers)

    pending = {}
    for user_id, reader in readers.items():
        done = previous.get(user_id)
        if done and done["this_period"]:
            summary.already_sent += 1
            continue
        reader["since"] = max(window_start, done["last_at"]) if done else window_start
        pending[user_id] = reader
    if not pending:
        return

    followed = {
        kind: set().union(*(reader[kind] for reader in pending.values()))
        for kind in ("clusters", "cities", "projects")
    }
    since = min(reader["since"] for reader in pending.values())
    new_items, upcoming = _items_for(followed=followed, since=since, now=now)
    clusters = {
        row["pk"]: row
        for row in Cluster.objects.filter(
            pk__in=set().union(*(item.cluster_ids for item in new_items))
        ).values("pk", "name", "slug", "order")
    }

    rows, digests = [], []
    for user_id, reader in pending.items():
        composed = _compose(
            reader=reader, new_items=new_items, upcoming=upcoming, clusters=clusters
        )
        if composed is None:
            summary.nothing_new += 1
            continue
        user = reader["user"]
        rendered = email_render(
            template="digest",
            user=user,
            context={"period": period, "since": reader["since"], **composed},
            unsubscribe_url=unsubscribe_url(user_id=user_id, digest_period=period),
        )
        key = f"digest:{period}:{period_start.isoformat()}:{user_id}"
        rows.append(outbox_row(key=key, user=user, rendered=rendered))
        digests.append((user_id, key, composed["item_count"]))
    summary.sent += len(rows)
    if dry_run or not rows:
        return

    with transaction.atomic():
        outbox_enqueue(outbox_ids=outbox_create(rows=rows))
        outbox_ids = dict(
            OutboxEmail.objects.filter(
                idempotency_key__in=[key for _u, key, _n in digests]
            ).values_list("idempotency_key", "pk")
        )
        Digest.objects.bulk_create(
            [
                Digest(
                    user_id=user_id,
                    period=period,
                    period_start=period_start,
                    item_count=count,
                    outbox_email_id=outbox_ids.get(key),
                )
                for user_id, key, count in digests
            ],
            ignore_conflicts=True,
        )


def _compose(*, reader, new_items, upcoming, clusters):
    follows = {
        "cluster_ids": reader["clusters"],
        "city_ids": reader["cities"],
        "project_ids": reader["projects"],
    }
    mine = [
        item
        for item in new_items
        if item.published_at >= reader["since"] and item.concerns(**follows)
    ]
    if not mine:
        return None

    def cluster_rank(pk):
        return (clusters[pk]["order"], clusters[pk]["name"]) if pk in clusters else (1 << 30, "")

    groups = defaultdict(lambda: defaultdict(list))
    # Each item is listed once, under the first cluster of it the reader follows (else its first).
    for item in sorted(mine, key=lambda item: item.published_at, reverse=True):
        candidates = (item.cluster_ids & reader["clusters"]) or item.cluster_ids
        home = min(candidates, key=cluster_rank) if candidates else None
        groups[home][item.section].append(_item_context(item))
    ordered = sorted(groups, key=lambda pk: (pk is None, cluster_rank(pk) if pk else (0, "")))
    return {
        "item_count": len(mine),
        "groups": [
            {
                "cluster": clusters.get(pk),
                "sections": [
                    {"label": SECTION_LABELS[section], "items": groups[pk][section]}
                    for section in SECTIONS
                    if groups[pk].get(section)
                ],
            }
            for pk in ordered
        ],
        "upcoming": [_item_context(event) for event in upcoming if event.concerns(**follows)][
            :UPCOMING_LIMIT
        ],
    }


def _item_context(item: ContentItem) -> dict:
    return {
        "title": item.title,
        "summary": item.summary,
        "url": absolute_url(item.path),
        "starts_at": item.starts_at,
    }


def _pairs(queryset, left: str, right: str) -> dict:
    pairs = defaultdict(set)
    for left_id, right_id in queryset.values_list(left, right):
        pairs[left_id].add(right_id)
    return pairs


def _items_for(*, followed, since, now):
    """New items since `since` and upcoming events linked to what the batch follows."""
    cluster_ids, city_ids, project_ids = (
        followed["clusters"],
        followed["cities"],
        followed["projects"],
    )
    new_window = Q(published_at__gte=since, published_at__lte=now)
    project_clusters = Project.clusters.through.objects
    followed_projects = (
        Q(pk__in=project_clusters.filter(cluster_id__in=cluster_ids).values("project_id"))
        | Q(pk__in=ProjectCity.objects.filter(city_id__in=city_ids).values("project_id"))
        | Q(pk__in=project_ids)
    )
    projects = list(
        Project.objects.published()
        .filter(new_window, followed_projects)
        .only("id", "title", "slug", "summary", "published_at")
    )
    updates = list(
        ProjectUpdate.objects.published()
        .filter(new_window, project__in=Project.objects.filter(followed_projects))
        .select_related("project")
        .only("id", "title", "published_at", "project__id", "project__title", "project__slug")
    )
    linked_projects = {project.pk for project in projects} | {u.project_id for u in updates}
    clusters_of_project = _pairs(
        project_clusters.filter(project_id__in=linked_projects), "project_id", "cluster_id"
    )
    cities_of_project = _pairs(
        ProjectCity.objects.filter(project_id__in=linked_projects), "project_id", "city_id"
    )

    event_clusters = Event.clusters.through.objects
    event_projects = Event.projects.through.objects
    events = list(
        Event.objects.published()
        .filter(
            Q(pk__in=event_clusters.filter(cluster_id__in=cluster_ids).values("event_id"))
            | Q(city_id__in=city_ids)
            | Q(pk__in=event_projects.filter(project_id__in=project_ids).values("event_id"))
        )
        .filter(new_window | Q(starts_at__gt=now, starts_at__lte=now + UPCOMING_WINDOW))
        .only("id", "title", "slug", "summary", "published_at", "starts_at", "city_id")
    )
    event_ids = [event.pk for event in events]
    clusters_of_event = _pairs(
        event_clusters.filter(event_id__in=event_ids), "event_id", "cluster_id"
    )
    projects_of_event = _pairs(
        event_projects.filter(event_id__in=event_ids), "event_id", "project_id"
    )

    resource_clusters = Resource.clusters.through.objects
    resource_cities = Resource.cities.through.objects
    resource_projects = Resource.projects.through.objects
    resources = list(
        Resource.objects.published()
        .filter(new_window)
        .filter(
            Q(pk__in=resource_clusters.filter(cluster_id__in=cluster_ids).values("resource_id"))
            | Q(pk__in=resource_cities.filter(city_id__in=city_ids).values("resource_id"))
            | Q(pk__in=resource_projects.filter(project_id__in=project_ids).values("resource_id"))
        )
        .only("id", "title", "slug", "summary", "published_at", "kind")
    )
    resource_ids = [resource.pk for resource in resources]
    clusters_of_resource = _pairs(
        resource_clusters.filter(resource_id__in=resource_ids), "resource_id", "cluster_id"
    )
    cities_of_resource = _pairs(
        resource_cities.filter(resource_id__in=resource_ids), "resource_id", "city_id"
    )
    projects_of_resource = _pairs(
        resource_projects.filter(resource_id__in=resource_ids), "resource_id", "project_id"
    )

    items = []
    for project in projects:
        items.append(
            ContentItem(
                key=f"project:{project.pk}",
                verb="published_pilot",
                section=SECTION_PILOTS,
                title=project.title,
                summary=project.summary,
                path=object_path(project),
                published_at=project.published_at,
                cluster_ids=frozenset(clusters_of_project[project.pk]),
                city_ids=frozenset(cities_of_project[project.pk]),
                project_ids=frozenset({project.pk}),
            )
        )
    for update in updates:
        items.append(
            ContentItem(
                key=f"projectupdate:{update.pk}",
                verb="published_update",
                section=SECTION_PILOTS,
                title=f"{update.project.title}: {update.title}",
                summary="",
                path=object_path(update),
                published_at=update.published_at,
                cluster_ids=frozenset(clusters_of_project[update.project_id]),
                city_ids=frozenset(cities_of_project[update.project_id]),
                project_ids=frozenset({update.project_id}),
            )
        )
    upcoming = []
    for event in events:
        item = ContentItem(
            key=f"event:{event.pk}",
            verb="published_event",
            section=SECTION_EVENTS,
            title=event.title,
            summary=event.summary,
            path=object_path(event),
            published_at=event.published_at,
            cluster_ids=frozenset(clusters_of_event[event.pk]),
            city_ids=frozenset({event.city_id} if event.city_id else ()),
            project_ids=frozenset(projects_of_event[event.pk]),
            starts_at=event.starts_at,
        )
        if since <= event.published_at <= now:
            items.append(item)
        if now < event.starts_at <= now + UPCOMING_WINDOW:
            upcoming.append(item)
    for resource in resources:
        section = resource_section(resource.kind)
        items.append(
            ContentItem(
                key=f"resource:{resource.pk}",
                verb="published_news" if section == "news" else "published_resource",
                section=section,
                title=resource.title,
                summary=resource.summary,
                path=object_path(resource),
                published_at=resource.published_at,
                cluster_ids=frozenset(clusters_of_resource[resource.pk]),
                city_ids=frozenset(cities_of_resource[resource.pk]),
                project_ids=frozenset(projects_of_resource[resource.pk]),
            )
        )
    upcoming.sort(key=lambda item: item.starts_at)
    return items, upcoming
