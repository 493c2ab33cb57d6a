"""Django's PostgreSQL backend, with a health check that costs no round trip for a connection in
steady use.

With CONN_HEALTH_CHECKS, Django asks `SELECT 1` before the first query of every request: on a
page that runs one query (My portal's version, a search suggestion), that is a second round trip
to the server. When PostgreSQL ends a connection (a restart, pg_terminate_backend, an idle
timeout) it sends an error and closes the socket, so an idle connection that has anything to read
is no longer usable: checking that is a non-blocking `select()` of a microsecond. A connection
idle longer than QUICK_CHECK_SECONDS still gets Django's `SELECT 1`, because a NAT or firewall
that forgets an idle connection closes nothing on this side and answers only the next packet.
"""

import select
import time

from django.db.backends.postgresql import base

# Shorter than the idle timeouts of NAT gateways and firewalls (minutes).
QUICK_CHECK_SECONDS = 30


class DatabaseWrapper(base.DatabaseWrapper):
    _last_checked = 0.0

    def is_usable(self):
        now = time.monotonic()
        in_steady_use = now - self._last_checked < QUICK_CHECK_SECONDS
        if in_steady_use and self.connection is not None and not self.connection.closed:
            usable = not _has_something_to_read(self.connection)
        else:
            usable = super().is_usable()
        if usable:
            self._last_checked = now
        return usable

    def connect(self):
        super().connect()
        self._last_checked = time.monotonic()


def _has_something_to_read(connection) -> bool:
    """An idle connection has nothing to read unless the server ended it (or its socket is gone)."""
    try:
        readable, _writable, _failed = select.select([connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)
