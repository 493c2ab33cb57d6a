"""Who gets a digest: the readers of a period, walked in batches, and what each one follows.

A reader is an active person with at least one subscription whose email goes into this period's
digest: its own delivery says so, or it is left to the profile's digest frequency.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce

from .models import Digest, Subscription

# The smallest step the database's timestamps take: the next digest starts this far after a cut-off.
AFTER_CUT_OFF = dt.timedelta(microseconds=1)


@dataclass
class DigestReader:
    user: object
    clusters: set = field(default_factory=set)
    cities: set = field(default_factory=set)
    projects: set = field(default_factory=set)
    # Where this reader's digest starts: the period's first day, or right after what their
    # previous digest covered if that is later.
    since: dt.datetime | None = None


def digest_subscriptions(*, period: str):
    """Subscriptions whose email goes into this period's digest."""
    return Subscription.objects.filter(
        Q(delivery=period) | Q(delivery="", user__digest_frequency=period),
        user__is_active=True,
    )


def digest_reader_count(*, period: str) -> int:
    return digest_subscriptions(period=period).values("user_id").distinct().count()


def digest_reader_batches(*, period: str, batch_size: int):
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


def among(user_ids) -> Q:
    """These users, with their id range spelled out: PostgreSQL then scans the user_id index
    rather than the whole table, which it prefers for a long IN list."""
    return Q(user_id__in=user_ids, user_id__gte=min(user_ids), user_id__lte=max(user_ids))


def digest_readers(*, period: str, user_ids) -> dict[int, DigestReader]:
    """{user id: DigestReader} of these users who read this period's digest (one query)."""
    readers = {}
    subscriptions = (
        digest_subscriptions(period=period)
        .filter(among(user_ids))
        .select_related("user")
        .order_by("user_id", "pk")
    )
    for subscription in subscriptions:
        reader = readers.get(subscription.user_id)
        if reader is None:
            reader = readers[subscription.user_id] = DigestReader(user=subscription.user)
        if subscription.cluster_id:
            reader.clusters.add(subscription.cluster_id)
        elif subscription.city_id:
            reader.cities.add(subscription.city_id)
        else:
            reader.projects.add(subscription.project_id)
    return readers


def digest_readers_due(*, readers: dict, period: str, period_start: dt.date):
    """(due, already_sent): the readers still owed this period's digest, each with its `since`
    set, and how many have it already (one query)."""
    if not readers:
        return [], 0
    previous = {
        row["user_id"]: row
        for row in Digest.objects.filter(among(list(readers)), period=period)
        .values("user_id")
        .annotate(
            covered_until=Max(Coalesce("covered_until", "created_at")),
            this_period=Count("pk", filter=Q(period_start=period_start)),
        )
    }
    window_start = dt.datetime.combine(period_start, dt.time.min, tzinfo=dt.UTC)
    due, already_sent = [], 0
    for user_id, reader in readers.items():
        done = previous.get(user_id)
        if done and done["this_period"]:
            already_sent += 1
            continue
        # Right after what the previous digest covered: an item published at its cut-off was in it.
        after_previous = done["covered_until"] + AFTER_CUT_OFF if done else window_start
        reader.since = max(window_start, after_previous)
        due.append(reader)
    return due, already_sent
