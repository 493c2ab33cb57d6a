"""Reads of the notifications app."""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models.signals import post_delete

from core.shared_pages import personal_prefetched
from core.sql_names import column, execute_prepared, table

from .models import Notification, Subscription


def notifications_for_user(*, user):
    return Notification.objects.filter(recipient=user).only(
        "pk", "verb", "title", "body", "url", "created_at", "read_at"
    )


@dataclass
class ReaderState:
    """What every signed-in page asks about its reader: what they follow (for Follow buttons)
    and how many notifications they have not read (for the bell)."""

    followed: dict[str, set[int]] = field(
        default_factory=lambda: {"cluster": set(), "city": set(), "project": set()}
    )
    unread: int = 0


@functools.cache
def _reader_state_sql() -> str:
    """The reader's follows, and a last row with their unread count, in one statement: asked on
    every signed-in page, where two ORM queries cost more to build than to run."""
    follows = ", ".join(column(Subscription, name) for name in ("cluster", "city", "project"))
    return (
        f"SELECT {follows}, NULL FROM {table(Subscription)} "  # noqa: S608 (names from the models; values go as params)
        f"WHERE {column(Subscription, 'user')} = %s "
        f"UNION ALL SELECT NULL, NULL, NULL, COUNT(*) FROM {table(Notification)} "
        f"WHERE {column(Notification, 'recipient')} = %s AND {column(Notification, 'read_at')} IS NULL"
    )


READER_STATE_KEY_PREFIX = "reader-state:v1:"


def reader_state_key(user_id) -> str:
    return f"{READER_STATE_KEY_PREFIX}{user_id}"


def reader_state_cache_key(request) -> str | None:
    """The signed-in reader's kept state, for `core.shared_pages` to read with a kept page."""
    user = getattr(request, "user", None)
    if settings.READER_STATE_SECONDS <= 0 or user is None or not user.is_authenticated:
        return None
    return reader_state_key(user.pk) if user.pk is not None else None


def reader_state(request) -> ReaderState:
    """The signed-in reader's follows and unread count, read once per request.

    Kept in the shared cache for READER_STATE_SECONDS (0 reads them from the database on every
    request): a signed-in page served from its kept body then asks the database nothing, where
    this one small query, with the connection's health check before it, cost a fifth of the
    requests a second such a page served. Following, unfollowing, a new notification and marking
    one read forget the kept state (`reader_state_forget`).
    """
    state = getattr(request, "_reader_state", None)
    if state is None:
        user_id = request.user.pk
        if user_id is None:
            # Nobody's in particular (a shared body's audience, core.shared_pages): nothing to
            # read, and nothing kept under a key every reader would share.
            return ReaderState()
        if settings.READER_STATE_SECONDS > 0:
            state = _reader_state_kept(request, user_id)
        else:
            # Where the ORM would read them: a replica on a safe request (core.db_routing).
            state = _reader_state_read(user_id, using=router.db_for_read(Subscription))
        request._reader_state = state
    return state


def _reader_state_kept(request, user_id) -> ReaderState:
    key = reader_state_key(user_id)
    asked, state = personal_prefetched(request, key)
    if not asked:
        state = cache.get(key)
    if state is None:
        # From the primary: a replica's lag behind a follow would be kept, not just shown once.
        state = _reader_state_read(user_id, using=DEFAULT_DB_ALIAS)
        cache.set(key, state, settings.READER_STATE_SECONDS)
    return state


def _reader_state_read(user_id, *, using: str) -> ReaderState:
    state = ReaderState()
    with connections[using].cursor() as cursor:
        execute_prepared(
            cursor, name="reader_state", sql=_reader_state_sql(), params=[user_id, user_id]
        )
        for cluster_id, city_id, project_id, unread in cursor.fetchall():
            if unread is not None:
                state.unread = unread
                continue
            for kind, pk in (
                ("cluster", cluster_id),
                ("city", city_id),
                ("project", project_id),
            ):
                if pk is not None:
                    state.followed[kind].add(pk)
    return state


def reader_state_forget(*, user_ids) -> None:
    """Forget these readers' kept follows and unread count, now and once the current transaction
    commits (a request in between could have kept the state from before the change)."""
    if settings.READER_STATE_SECONDS <= 0:
        return
    keys = [reader_state_key(user_id) for user_id in set(user_ids)]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def subscription_changed(sender, instance, **kwargs) -> None:
    """post_save / post_delete of a Subscription: its reader's follows changed."""
    reader_state_forget(user_ids=[instance.user_id])


def notification_changed(sender, instance, signal=None, **kwargs) -> None:
    """post_save / post_delete of a Notification: its reader's unread count may have changed.
    Deleting a read one changes nothing (data retention deletes them by the thousand)."""
    if signal is post_delete and instance.read_at is not None:
        return
    reader_state_forget(user_ids=[instance.recipient_id])
