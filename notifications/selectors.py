"""Reads of the notifications app."""

import functools
from dataclasses import dataclass, field

from django.db import connections, router

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


def reader_state(request) -> ReaderState:
    """The signed-in reader's follows and unread count, read once per request (one query)."""
    state = getattr(request, "_reader_state", None)
    if state is None:
        state = ReaderState()
        user = request.user
        # Where the ORM would read them: a replica on a safe request (core.db_routing).
        with connections[router.db_for_read(Subscription)].cursor() as cursor:
            execute_prepared(
                cursor, name="reader_state", sql=_reader_state_sql(), params=[user.pk, user.pk]
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
        request._reader_state = state
    return state
