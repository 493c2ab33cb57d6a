"""Daily and weekly digests: what is new in what a reader follows, grouped and deduplicated.

A run is cut into bounded pieces so that neither the time of one piece nor the memory it needs
grows with the number of readers: readers are walked in keyset batches of user ids, and each batch
is built on its own. `digest_run_enqueue` queues one Celery task per batch (what beat runs);
`digest_build_and_send` builds the same batches in this process (the management command).

A batch costs a fixed number of queries: the batch's subscriptions, its previous digests, the
period's content (one query per kind plus one per link table) and the cluster names, then the
bulk inserts of each write chunk (DIGEST_WRITE_CHUNK readers). The content is fetched once per
batch and indexed by cluster, city and pilot, so a reader's digest is put together from the items
that concern them rather than by scanning everything; each item's email markup is rendered once
per batch and language and time zone, not once per reader.

A Digest row is unique per (user, period, period_start) and written in the same transaction as its
outbox row, so a rerun, or a batch task redelivered after its worker died, sends nothing twice. A
reader with nothing new gets no email and no row.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from clusters.models import Cluster
from events.models import Event
from projects.models import Project, ProjectCity, ProjectUpdate
from resources.models import Resource

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
from .delivery import BULK, outbox_create, outbox_enqueue
from .emails import (
    RenderedEmail,
    email_render,
    outbox_row,
    recipient_language,
    recipient_zone,
)
from .models import Digest, DigestPeriod, OutboxEmail, Subscription
from .tokens import unsubscribe_token

# Readers per batch (one Celery task): the period's content is fetched once per batch.
DIGEST_BATCH_SIZE = 1000
# Digests rendered and written per transaction: bounds the memory a batch holds (a weekly digest
# is tens of kB) and lets a batch killed half-way keep what it committed.
DIGEST_WRITE_CHUNK = 100
UPCOMING_WINDOW = dt.timedelta(days=30)
# The smallest step the database's timestamps take: the next digest starts this far after a cut-off.
AFTER_CUT_OFF = dt.timedelta(microseconds=1)
# What one digest lists. A weekly email is read on a phone, often over a slow connection: one
# that lists every item (a hundred and more, ~70 kB) is scrolled past, not read. It shows the
# newest few of each group and says how many more are on the portal, where the rest is a click
# away (the cluster's page, or the reader's notifications).
GROUP_ITEM_LIMIT = 5  # newest items under one followed cluster (or "cities and pilots")
DIGEST_ITEM_LIMIT = 25  # newest items in all
UPCOMING_LIMIT = 5  # soonest upcoming events
FOLLOW_KINDS = ("clusters", "cities", "projects")
# Rendered where a reader's own unsubscribe link goes, then replaced by it (DigestMarkup.email).
UNSUBSCRIBE_STAND_IN = "https://unsubscribe.invalid/digest-reader-link"
UNSUBSCRIBE_SLUG_STAND_IN = "digest-reader-token"


@dataclass
class DigestRunSummary:
    period: str
    period_start: dt.date
    readers: int = 0
    sent: int = 0
    nothing_new: int = 0
    already_sent: int = 0
    dry_run: bool = False

    def add(self, other: "DigestRunSummary") -> None:
        self.readers += other.readers
        self.sent += other.sent
        self.nothing_new += other.nothing_new
        self.already_sent += other.already_sent


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


def digest_reader_batches(*, period: str, batch_size: int = DIGEST_BATCH_SIZE):
    """Reader ids in ascending order, `batch_size` at a time.

    Pages through everyone who follows anything by user id (an index range that starts where the
    previous page ended), then keeps those whose subscriptions make them readers of this period.
    A single keyset query joining users to subscriptions would have PostgreSQL merge-join the
    users from the very first id on every page: each page would cost more than the one before.
    """
    followers = Subscription.objects.order_by("user_id").values_list("user_id", flat=True)
    last_id, batch = 0, []
    while True:
        page = list(followers.filter(user_id__gt=last_id).distinct()[:batch_size])
        if not page:
            break
        last_id = page[-1]
        batch.extend(
            digest_subscriptions(period=period)
            .filter(user_id__gte=page[0], user_id__lte=last_id)
            .order_by("user_id")
            .values_list("user_id", flat=True)
            .distinct()
        )
        while len(batch) >= batch_size:
            yield batch[:batch_size]
            batch = batch[batch_size:]
    if batch:
        yield batch


def digest_run_enqueue(
    *, period: str, period_start: dt.date, now=None, batch_size: int = DIGEST_BATCH_SIZE
) -> int:
    """Queue one task per batch of readers; returns how many batches were queued.

    Every batch gets the same `now`, so one run tells every reader about the same items.
    """
    from .tasks import send_digest_batch

    now = now or timezone.now()
    batches = 0
    for user_ids in digest_reader_batches(period=period, batch_size=batch_size):
        transaction.on_commit(
            lambda user_ids=user_ids: send_digest_batch.delay(
                period, period_start.isoformat(), user_ids, now.isoformat()
            )
        )
        batches += 1
    return batches


def digest_build_and_send(
    *,
    period: str,
    period_start: dt.date,
    dry_run: bool = False,
    batch_size: int = DIGEST_BATCH_SIZE,
    on_batch=None,
    now=None,
) -> DigestRunSummary:
    """Build every reader's digest in this process, batch after batch."""
    now = now or timezone.now()
    summary = DigestRunSummary(period=period, period_start=period_start, dry_run=dry_run)
    for user_ids in digest_reader_batches(period=period, batch_size=batch_size):
        summary.add(
            digest_batch_send(
                period=period,
                period_start=period_start,
                user_ids=user_ids,
                now=now,
                dry_run=dry_run,
            )
        )
        if on_batch:
            on_batch(len(user_ids))
    return summary


def digest_batch_send(
    *, period, period_start, user_ids, now, dry_run=False, write_chunk=DIGEST_WRITE_CHUNK
) -> DigestRunSummary:
    """Build, record and queue the digests of these readers; safe to run again."""
    summary = DigestRunSummary(period=period, period_start=period_start, dry_run=dry_run)
    readers = _batch_readers(period=period, user_ids=user_ids)
    summary.readers = len(readers)
    previous = {
        row["user_id"]: row
        for row in Digest.objects.filter(_among(user_ids), period=period)
        .values("user_id")
        .annotate(
            covered_until=Max(Coalesce("covered_until", "created_at")),
            this_period=Count("pk", filter=Q(period_start=period_start)),
        )
    }
    window_start = dt.datetime.combine(period_start, dt.time.min, tzinfo=dt.UTC)
    pending = []
    for user_id, reader in readers.items():
        done = previous.get(user_id)
        if done and done["this_period"]:
            summary.already_sent += 1
            continue
        # Right after what the previous digest covered: an item published at its cut-off was in it.
        after_previous = done["covered_until"] + AFTER_CUT_OFF if done else window_start
        reader["since"] = max(window_start, after_previous)
        pending.append(reader)
    if not pending:
        return summary

    content = PeriodContent.fetch(since=min(reader["since"] for reader in pending), now=now)
    clusters = {
        row["pk"]: row
        for row in Cluster.objects.filter(pk__in=content.cluster_ids).values(
            "pk", "name", "slug", "order"
        )
    }
    markup = DigestMarkup()
    for start in range(0, len(pending), write_chunk):
        rows, digests = [], []
        for reader in pending[start : start + write_chunk]:
            composed = _compose(reader=reader, content=content, clusters=clusters)
            if composed is None:
                summary.nothing_new += 1
                continue
            user = reader["user"]
            rendered = markup.email(
                user=user,
                period=period,
                since=reader["since"],
                composed=composed,
                unsubscribe_url=markup.unsubscribe_url(user_id=user.pk, period=period),
            )
            key = f"digest:{period}:{period_start.isoformat()}:{user.pk}"
            rows.append(outbox_row(key=key, user=user, rendered=rendered))
            digests.append((user.pk, key, composed["item_count"]))
        summary.sent += len(rows)
        if not dry_run and rows:
            _record(period=period, period_start=period_start, now=now, rows=rows, digests=digests)
    return summary


def _among(user_ids) -> Q:
    """These users, with their id range spelled out: PostgreSQL then scans the user_id index
    rather than the whole table, which it prefers for a long IN list."""
    return Q(user_id__in=user_ids, user_id__gte=min(user_ids), user_id__lte=max(user_ids))


def _batch_readers(*, period, user_ids) -> dict:
    readers = {}
    subscriptions = (
        digest_subscriptions(period=period)
        .filter(_among(user_ids))
        .select_related("user")
        .order_by("user_id", "pk")
    )
    for subscription in subscriptions:
        reader = readers.setdefault(
            subscription.user_id,
            {"user": subscription.user, **{kind: set() for kind in FOLLOW_KINDS}},
        )
        if subscription.cluster_id:
            reader["clusters"].add(subscription.cluster_id)
        elif subscription.city_id:
            reader["cities"].add(subscription.city_id)
        else:
            reader["projects"].add(subscription.project_id)
    return readers


def _record(*, period, period_start, now, rows, digests) -> None:
    """Write a chunk's outbox rows and Digest rows together; queue delivery once committed."""
    with transaction.atomic():
        outbox_enqueue(outbox_ids=outbox_create(rows=rows), urgency=BULK)
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
                    covered_until=now,
                    outbox_email_id=outbox_ids.get(key),
                )
                for user_id, key, count in digests
            ],
            ignore_conflicts=True,
        )


class PeriodContent:
    """What was published in [since, now] and the events of the next 30 days, indexed by target.

    Fetched once per batch, whatever the batch's readers follow: its size depends on how much was
    published, not on how many people read about it.
    """

    def __init__(self, *, new_items, upcoming):
        self.new_items = new_items
        self.upcoming = upcoming  # soonest first
        self.new_by = _index(new_items)
        self.upcoming_by = _index(upcoming)
        self.cluster_ids = set().union(*(item.cluster_ids for item in new_items))

    @classmethod
    def fetch(cls, *, since, now) -> "PeriodContent":
        new_items, upcoming = _items_for(since=since, now=now)
        return cls(new_items=new_items, upcoming=upcoming)

    def concerning(self, reader, *, upcoming=False) -> list[ContentItem]:
        """The items linked to anything the reader follows, each once, in the fetched order."""
        index = self.upcoming_by if upcoming else self.new_by
        found = {}
        for kind in FOLLOW_KINDS:
            for target in reader[kind]:
                for position, item in index[kind].get(target, ()):
                    found[position] = item
        # The fetched order, so that ties in a reader's own sort come out the same on every run.
        return [found[position] for position in sorted(found)]


def _index(items) -> dict:
    """{kind: {target id: [(position, item)]}}: where to look up what a reader follows."""
    index = {kind: defaultdict(list) for kind in FOLLOW_KINDS}
    for position, item in enumerate(items):
        for kind, ids in (
            ("clusters", item.cluster_ids),
            ("cities", item.city_ids),
            ("projects", item.project_ids),
        ):
            for target in ids:
                index[kind][target].append((position, item))
    return index


def _compose(*, reader, content, clusters):
    """Which items go where in one reader's digest; None when nothing is new for them."""
    mine = [item for item in content.concerning(reader) if item.published_at >= reader["since"]]
    if not mine:
        return None

    def cluster_rank(pk):
        return (clusters[pk]["order"], clusters[pk]["name"]) if pk in clusters else (1 << 30, "")

    groups = defaultdict(lambda: defaultdict(list))
    shown, more = defaultdict(int), defaultdict(int)
    # Each item is counted once, under the first cluster of it the reader follows (else its
    # first); the newest are listed, up to the caps, and the rest only counted.
    for item in sorted(mine, key=lambda item: item.published_at, reverse=True):
        candidates = (item.cluster_ids & reader["clusters"]) or item.cluster_ids
        home = min(candidates, key=cluster_rank) if candidates else None
        if shown[home] < GROUP_ITEM_LIMIT and sum(shown.values()) < DIGEST_ITEM_LIMIT:
            groups[home][item.section].append(item)
            shown[home] += 1
        else:
            more[home] += 1
    ordered = sorted(groups, key=lambda pk: (pk is None, cluster_rank(pk) if pk else (0, "")))
    upcoming = content.concerning(reader, upcoming=True)
    return {
        "item_count": len(mine),
        "shown_count": sum(shown.values()),
        "groups": [
            {
                "cluster": clusters.get(pk),
                "sections": [(section, groups[pk][section]) for section in SECTIONS],
                "more": more[pk],
            }
            for pk in ordered
        ],
        "upcoming": upcoming[:UPCOMING_LIMIT],
        "upcoming_more": max(0, len(upcoming) - UPCOMING_LIMIT),
    }


def _page_url(view: str, **kwargs) -> str:
    """A portal page's absolute address; blank (the email then shows no link) if not routed."""
    try:
        return absolute_url(reverse(view, kwargs=kwargs))
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class ItemList:
    """A list of items as the email shows it, in both of its formats."""

    html: str
    text: str

    def __bool__(self):
        return bool(self.text)


class DigestMarkup:
    """Renders each item's lines once per language and time zone, then joins them per reader.

    A digest lists up to DIGEST_ITEM_LIMIT items, most of them shared with thousands of other
    readers; rendering them through the template once per reader was most of a run's time.
    """

    TEMPLATES = {
        "item": ("notifications/email/digest_item.html", "notifications/email/digest_item.txt"),
        "upcoming": (
            "notifications/email/digest_upcoming.html",
            "notifications/email/digest_upcoming.txt",
        ),
    }

    def __init__(self):
        self.rendered = {}
        self.emails = {}
        self.unsubscribe_pattern = None
        # Where the reader sees what a digest leaves out.
        self.urls = {
            "notifications": _page_url("notifications:list"),
            "events": _page_url("events:list"),
        }
        self.templates = {
            kind: tuple(get_template(name) for name in names)
            for kind, names in self.TEMPLATES.items()
        }

    def unsubscribe_url(self, *, user_id, period) -> str:
        """tokens.unsubscribe_url, with the URL reversed once per batch rather than per reader.

        A token is URL-safe base64 and colons, which reverse() leaves as they are.
        """
        if self.unsubscribe_pattern is None:
            self.unsubscribe_pattern = absolute_url(
                reverse("notifications:unsubscribe", kwargs={"token": UNSUBSCRIBE_SLUG_STAND_IN})
            )
        token = unsubscribe_token(user_id=user_id, digest_period=period)
        return self.unsubscribe_pattern.replace(UNSUBSCRIBE_SLUG_STAND_IN, token)

    def email(self, *, user, period, since, composed, unsubscribe_url) -> RenderedEmail:
        """The reader's email, rendered once per batch for every reader whose digest reads alike.

        Readers who follow the same things get the same digest but for their unsubscribe link:
        the templates are rendered once per such digest, language and time zone, with a stand-in
        link that is then swapped for each reader's own. Rendering every reader's email through
        the templates was most of the time a batch took.
        """
        language, zone = recipient_language(user), recipient_zone(user)
        key = (
            period,
            since,
            language,
            str(zone),
            composed["item_count"],
            composed["shown_count"],
            composed["upcoming_more"],
            tuple(item.key for item in composed["upcoming"]),
            tuple(
                (
                    group["cluster"]["pk"] if group["cluster"] else None,
                    group["more"],
                    tuple(
                        (section, tuple(item.key for item in items))
                        for section, items in group["sections"]
                    ),
                )
                for group in composed["groups"]
            ),
        )
        if key not in self.emails:
            self.emails[key] = email_render(
                template="digest",
                user=user,
                context={
                    "period": period,
                    "since": since,
                    **self.context(user=user, composed=composed),
                },
                unsubscribe_url=UNSUBSCRIBE_STAND_IN,
            )
        shared = self.emails[key]
        return dataclasses.replace(
            shared,
            text_body=shared.text_body.replace(UNSUBSCRIBE_STAND_IN, unsubscribe_url),
            html_body=shared.html_body.replace(
                escape(UNSUBSCRIBE_STAND_IN), escape(unsubscribe_url)
            ),
            headers={**shared.headers, "List-Unsubscribe": f"<{unsubscribe_url}>"},
        )

    def context(self, *, user, composed) -> dict:
        language, zone = recipient_language(user), recipient_zone(user)
        with translation.override(language), timezone.override(zone):
            return {
                "item_count": composed["item_count"],
                "shown_count": composed["shown_count"],
                # The whole email's line only when its own cap left items out; a group's
                # own line covers what the group's cap left out.
                "more_count": (
                    composed["item_count"] - composed["shown_count"]
                    if composed["shown_count"] >= DIGEST_ITEM_LIMIT
                    else 0
                ),
                "notifications_url": self.urls["notifications"],
                "upcoming_more": composed["upcoming_more"],
                "events_url": self.urls["events"],
                "groups": [
                    {
                        "cluster": group["cluster"],
                        "more": group["more"],
                        "more_url": (
                            _page_url("clusters:detail", slug=group["cluster"]["slug"])
                            if group["cluster"]
                            else self.urls["notifications"]
                        ),
                        "sections": [
                            {
                                "label": SECTION_LABELS[section],
                                "items": self._list("item", items, language, zone),
                            }
                            for section, items in group["sections"]
                            if items
                        ],
                    }
                    for group in composed["groups"]
                ],
                "upcoming": self._list("upcoming", composed["upcoming"], language, zone),
            }

    def _list(self, kind, items, language, zone) -> ItemList:
        parts = [self._item(kind, item, language, zone) for item in items]
        # Each part is template output, escaped there; joining them adds nothing unescaped.
        return ItemList(
            html=mark_safe("".join(html for html, _text in parts)),  # noqa: S308
            text="".join(text for _html, text in parts),
        )

    def _item(self, kind, item, language, zone):
        key = (kind, item.key, language, str(zone))
        if key not in self.rendered:
            context = {"item": _item_context(item)}
            self.rendered[key] = tuple(
                template.render(context) for template in self.templates[kind]
            )
        return self.rendered[key]


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


def _items_for(*, since, now):
    """Items published in [since, now] and events starting in the next 30 days, with their links.

    Driven by the publication dates (indexed), not by what anyone follows: a week's content is a
    few hundred rows, while "linked to any of these clusters" matches most of the site.
    """
    new_window = Q(published_at__gte=since, published_at__lte=now)
    newest_first = ("-published_at", "pk")
    projects = list(
        Project.objects.published()
        .filter(new_window)
        .order_by(*newest_first)
        .only("id", "title", "slug", "summary", "published_at")
    )
    updates = list(
        ProjectUpdate.objects.published()
        .filter(new_window)
        .select_related("project")
        .order_by(*newest_first)
        .only("id", "title", "published_at", "project__id", "project__title", "project__slug")
    )
    project_clusters = Project.clusters.through.objects
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
        .filter(new_window | Q(starts_at__gt=now, starts_at__lte=now + UPCOMING_WINDOW))
        .order_by(*newest_first)
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
        .order_by(*newest_first)
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
