"""What the backup and restore scripts share: libpq settings from DATABASE_URL."""

import os
from urllib.parse import unquote, urlsplit


def libpq_environment(database_url: str) -> tuple[dict, str]:
    """The environment pg_dump/pg_restore/psql read (PGHOST...) and the database name.

    The password travels in PGPASSWORD, never on a command line other users could read.
    """
    parts = urlsplit(database_url)
    env = dict(os.environ)
    if parts.hostname:
        env["PGHOST"] = parts.hostname
    if parts.port:
        env["PGPORT"] = str(parts.port)
    if parts.username:
        env["PGUSER"] = unquote(parts.username)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    return env, unquote(parts.path.lstrip("/"))
