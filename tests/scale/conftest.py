"""Fixtures that start real servers for the scale tests: an S3 API server, a streaming replica of
the local PostgreSQL and gunicorn web nodes (tests/scale/servers.py). Each is torn down by its
fixture, whatever the test did."""

import getpass
import os
import secrets
from pathlib import Path

import psycopg2
import pytest
from django.core.cache import cache
from django.db import connections

from core.media_storage_config import bucket_config, storages_for
from tests.conftest import IN_CI
from tests.scale.servers import PG_BIN, MotoS3, PortalNode, StreamingReplica, wait_for


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    server = MotoS3(tmp_path_factory.mktemp("moto")).start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings, monkeypatch):
    """Uploads go to a fresh bucket of the S3 server, as they do with MEDIA_STORAGE_URL set."""
    for name, value in s3_server.credentials_environment().items():
        monkeypatch.setenv(name, value)
    config = bucket_config(
        {
            "MEDIA_STORAGE_URL": (
                f"s3://{s3_server.new_bucket()}"
                f"?endpoint_url={s3_server.endpoint_url}&region_name=us-east-1"
            )
        }
    )
    settings.MEDIA_BUCKET = config
    settings.STORAGES = {
        **settings.STORAGES,
        **storages_for(config, private_url_seconds=settings.MEDIA_PRIVATE_URL_SECONDS),
    }
    return config


@pytest.fixture
def fresh_cache():
    # Rate-limit counters live in the cache; these tests start from zero.
    cache.clear()
    yield
    cache.clear()


# --- A streaming replica of the local PostgreSQL ---------------------------------------------

REPLICA_ALIAS = "replica_0"
REPLICATION_RULE = "host replication all 127.0.0.1/32 trust  # cities tests: streaming replica\n"


def _server_says(sql: str):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def _allow_replication_on_loopback() -> Path | None:
    """Let pg_basebackup and the replica connect, as the rest of loopback already may (trust).

    Returns the pg_hba.conf the rule was added to, so the fixture takes it out again.
    """
    rules = _server_says(
        "SELECT count(*) FROM pg_hba_file_rules "
        "WHERE 'replication' = ANY(database) AND error IS NULL"
    )
    if rules:
        return None
    hba_file = Path(_server_says("SHOW hba_file"))
    with hba_file.open("a") as rules_file:
        rules_file.write(REPLICATION_RULE)
    _server_says("SELECT pg_reload_conf()")
    return hba_file


def _take_back_replication_rule(hba_file: Path | None) -> None:
    if hba_file is None:
        return
    hba_file.write_text(hba_file.read_text().replace(REPLICATION_RULE, ""))
    _server_says("SELECT pg_reload_conf()")


def _cannot_make_replica() -> str | None:
    from django.db import connection

    host = connection.settings_dict.get("HOST") or "localhost"
    if host not in {"127.0.0.1", "localhost"}:
        return f"the replica tests copy a local PostgreSQL, not one at {host}"
    if not (PG_BIN / "pg_basebackup").exists():
        return f"pg_basebackup is not in {PG_BIN} (set PG_BIN)"
    if os.geteuid() != 0 and getpass.getuser() != "postgres":
        return "making a replica needs root (runuser) or the postgres user"
    return None


@pytest.fixture(scope="session")
def streaming_replica(django_db_setup, django_db_blocker):
    """A hot standby of the test database's server, on a free port, made with pg_basebackup -R.

    Session-wide: the copy takes a few seconds. The tests database exists on the primary already,
    so the copy has it, and every committed change streams to it from then on.
    """
    with django_db_blocker.unblock():
        from django.db import connection

        reason = _cannot_make_replica()
        if reason:
            if IN_CI or os.environ.get("REQUIRE_SERVICES") == "1":
                pytest.fail(f"CI must run the replica tests, but {reason}")
            pytest.skip(reason)
        hba_file = _allow_replication_on_loopback()
        settings_dict = connection.settings_dict
        replica = StreamingReplica(
            primary_host=settings_dict.get("HOST") or "127.0.0.1",
            primary_port=int(settings_dict.get("PORT") or 5432),
            user=settings_dict.get("USER") or "postgres",
            primary_limits={
                name: _server_says(f"SHOW {name}") for name in StreamingReplica.PRIMARY_LIMITS
            },
        )
    try:
        replica.create().start()
        # Known to Django for the whole session, so the replica tests can list it among their
        # databases (pytest.mark.django_db(databases=...)); a mirror, so nothing flushes it.
        connections.settings[REPLICA_ALIAS] = {
            **settings_dict,
            "HOST": "127.0.0.1",
            "PORT": str(replica.port),
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {"connect_timeout": 2},
            "TEST": {**settings_dict.get("TEST", {}), "MIRROR": "default"},
        }
        yield replica
    finally:
        if REPLICA_ALIAS in connections.settings:
            connections[REPLICA_ALIAS].close()
            del connections[REPLICA_ALIAS]
            del connections.settings[REPLICA_ALIAS]
        replica.remove()
        with django_db_blocker.unblock():
            _take_back_replication_rule(hba_file)


class ReplicaHandle:
    """The replica as the tests drive it: through psycopg2, beside the portal's own connections."""

    def __init__(self, server: StreamingReplica, alias: str):
        self.server, self.alias = server, alias

    def _query(self, port: int, sql: str):
        primary = connections["default"].settings_dict
        connection = psycopg2.connect(
            dbname=primary["NAME"],
            user=primary.get("USER") or "postgres",
            host="127.0.0.1",
            port=port,
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0] if cursor.description else None
        finally:
            connection.close()

    def on_replica(self, sql: str):
        return self._query(self.server.port, sql)

    def catch_up(self, timeout=20.0):
        """Wait until the replica has replayed everything the primary has written so far."""
        target = self._query(
            int(connections["default"].settings_dict.get("PORT") or 5432),
            "SELECT pg_current_wal_lsn()::text",
        )
        wait_for(
            lambda: self.on_replica(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"),
            timeout=timeout,
            what="the replica to catch up",
        )

    def pause(self):
        """Stop replaying: the replica now lags the primary for as long as the test wants."""
        self.catch_up()
        self.on_replica("SELECT pg_wal_replay_pause()")

    def resume(self):
        if self.server.is_running():
            self.on_replica("SELECT pg_wal_replay_resume()")


@pytest.fixture
def replica(streaming_replica, settings):
    """The portal reads safe requests from the replica, as with DATABASE_REPLICA_URLS set.

    Tests using it list the replica among their databases:
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA_ALIAS]).
    """
    from core import db_routing

    settings.DATABASE_REPLICAS = [REPLICA_ALIAS]
    db_routing._down_until.clear()
    handle = ReplicaHandle(streaming_replica, REPLICA_ALIAS)
    yield handle
    if not streaming_replica.is_running():
        streaming_replica.start()
    handle.resume()
    connections[REPLICA_ALIAS].close()
    db_routing._down_until.clear()


# --- Two web nodes -----------------------------------------------------------------------------


@pytest.fixture
def two_nodes(s3_server, settings, tmp_path):
    """Two gunicorn nodes on free ports sharing the test database, Redis and a bucket.

    Configured by environment variables only, as in production: the same SECRET_KEY, no state of
    their own. The test's database is migrated already (pytest-django); the test must commit what
    the nodes are to see (django_db(transaction=True)).
    """
    from django.conf import global_settings
    from django.db import connection

    # The nodes check passwords with the real hashers; users made here must match them.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    database = connection.settings_dict
    bucket = s3_server.new_bucket()
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CELERY_", "DATABASE_", "REDIS_", "PAGE_CACHE"))
    }
    environment.update(
        s3_server.credentials_environment(),
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        # The public name a load balancer passes on (tests/scale/test_two_nodes.py).
        ALLOWED_HOSTS="cities.test,127.0.0.1",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=(
            f"postgres://{database.get('USER') or 'postgres'}@{database.get('HOST') or '127.0.0.1'}"
            f":{database.get('PORT') or 5432}/{database['NAME']}"
        ),
        # No connection kept between requests, so the test can flush the database afterwards.
        CONN_MAX_AGE="0",
        REDIS_URL=settings.REDIS_URL,
        MEDIA_STORAGE_URL=f"s3://{bucket}?endpoint_url={s3_server.endpoint_url}&region_name=us-east-1",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private-media"),
        PAGE_CACHE_SECONDS="60",
        API_THROTTLE_USER="4/minute",
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    cache.clear()
    nodes = [PortalNode(name, environment, tmp_path) for name in ("a", "b")]
    try:
        for node in nodes:
            node.start()
        for node in nodes:
            node.wait_until_ready()
        yield nodes
    finally:
        for node in nodes:
            node.stop()
        cache.clear()
