"""Read replicas: safe requests read from a replica, everything else from the primary.

With DATABASE_REPLICA_URLS set (settings.DATABASE_REPLICAS names their aliases),
`ReplicaReadMiddleware` lets the reads of a GET, HEAD or OPTIONS request go to a replica: pages,
the API, feeds, calendars, search. Everything else reads and writes on the primary: other
requests, Celery tasks, management commands, and reads inside a transaction.

A replica lags its primary by a little. So that a person always sees their own change, a request
that writes (a POST, or a GET that happened to write) sets a cookie that keeps that browser on the
primary for REPLICA_READ_YOUR_WRITES_SECONDS; the cookie lives in the browser, so this works
whichever web node answers next. Sessions are always read from the primary: a replica that lags
would otherwise sign someone out right after they signed in.

A replica that cannot be reached is left alone for REPLICA_RETRY_SECONDS and its reads go to the
primary, with a warning in the log.
"""

import logging
import math
import random
import time
from contextlib import contextmanager, suppress
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger("core.db_routing")

READ_PRIMARY_COOKIE = "read_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Always on the primary, whatever the request.
PRIMARY_ONLY_APPS = frozenset({"sessions"})
REPLICA_RETRY_SECONDS = 30

# True while serving a request whose reads may go to a replica.
_replica_reads_allowed: ContextVar[bool] = ContextVar("replica_reads_allowed", default=False)
# True once the current request has written something (other than its session).
_request_wrote: ContextVar[bool] = ContextVar("request_wrote", default=False)
# Replica alias -> monotonic time before which it is not tried again.
_down_until: dict[str, float] = {}


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


def _reachable(alias: str) -> bool:
    if _down_until.get(alias, 0) > time.monotonic():
        return False
    connection = connections[alias]
    try:
        # Once per request for a kept connection (CONN_HEALTH_CHECKS), then free.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DatabaseError as error:
        _down_until[alias] = time.monotonic() + REPLICA_RETRY_SECONDS
        logger.warning(
            "Database replica %s is unreachable; reading from the primary for %d s: %s",
            alias,
            REPLICA_RETRY_SECONDS,
            str(error).strip(),
            extra={"replica": alias},
        )
        return False
    _down_until.pop(alias, None)
    return True


def replica_for_read() -> str | None:
    """A reachable replica for this request's reads, or None for the primary."""
    if not _replica_reads_allowed.get() or _request_wrote.get():
        return None
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return None  # a transaction reads what it is about to write: the primary's rows
    aliases = replica_aliases()
    random.shuffle(aliases)
    return next((alias for alias in aliases if _reachable(alias)), None)


class ReplicaRouter:
    """Reads to a replica when the request allows it (see ReplicaReadMiddleware); writes and
    migrations to the primary. Without replicas it leaves every decision to Django."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS if replica_aliases() else None
        return replica_for_read()

    def db_for_write(self, model, **hints):
        if model._meta.app_label not in PRIMARY_ONLY_APPS:
            _request_wrote.set(True)
        # Explicitly the primary: a row read from a replica must not be saved back there.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        ours = {DEFAULT_DB_ALIAS, *replica_aliases()}
        if obj1._state.db in ours and obj2._state.db in ours:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        return False if db in replica_aliases() else None


def _until_text(until: float) -> str:
    """The cookie's end of the window, in milliseconds rounded down: rounded to the nearest, it
    could lie up to half a millisecond past the longest window, and the next request, arriving
    within that half millisecond, would take it for a forged value and read the replica."""
    return f"{math.floor(until * 1000) / 1000:.3f}"


def _recently_wrote(request) -> bool:
    try:
        until = float(request.COOKIES.get(READ_PRIMARY_COOKIE, "0"))
    except ValueError:
        return False
    now = time.time()
    # Bounded, so a forged far-future value buys no more than one window.
    return now < until <= now + settings.REPLICA_READ_YOUR_WRITES_SECONDS


@contextmanager
def request_reads(*, replica_allowed: bool):
    """The reads of one request: from a replica if allowed, until the request writes."""
    allowed = _replica_reads_allowed.set(replica_allowed)
    wrote = _request_wrote.set(False)
    try:
        yield
    finally:
        _replica_reads_allowed.reset(allowed)
        _request_wrote.reset(wrote)


class ReplicaReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases():
            return self.get_response(request)
        safe = request.method in SAFE_METHODS
        with request_reads(replica_allowed=safe and not _recently_wrote(request)):
            response = self.get_response(request)
            wrote = _request_wrote.get()
        if not safe or wrote:
            seconds = settings.REPLICA_READ_YOUR_WRITES_SECONDS
            response.set_cookie(
                READ_PRIMARY_COOKIE,
                _until_text(time.time() + seconds),
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


@contextmanager
def primary_reads():
    """The enclosed block reads from the primary, whatever the request allows: for reads that
    must agree with each other and with a write that follows (two replicas can lag differently)."""
    token = primary_reads_begin()
    try:
        yield
    finally:
        primary_reads_end(token)


def primary_reads_begin():
    """Reads from the primary until `primary_reads_end(token)`: a Celery task runs on the primary
    even when it runs in-process inside a GET request (eager mode)."""
    return _replica_reads_allowed.set(False)


def primary_reads_end(token) -> None:
    # Set in another context (a worker thread): nothing to restore here.
    with suppress(ValueError):
        _replica_reads_allowed.reset(token)
