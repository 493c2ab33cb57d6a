"""Real servers the scale tests start on free loopback ports, and stop again.

- `MotoS3`: moto's S3 API server (`moto_server`, from the test extra), a real HTTP S3 endpoint.
- `PortalNode`: the portal under gunicorn, configured by environment variables like production.
- `StreamingReplica`: a hot standby of the local PostgreSQL, made with `pg_basebackup -R` into a
  folder under /tmp and started on its own port (see tests/scale/conftest.py).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def _newest_postgresql_bin() -> Path:
    """Debian's layout: /usr/lib/postgresql/<major>/bin; the newest major, as .ci/run starts."""
    found = sorted(
        (path for path in Path("/usr/lib/postgresql").glob("*/bin") if path.parent.name.isdigit()),
        key=lambda path: int(path.parent.name),
    )
    return found[-1] if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = Path(os.environ.get("PG_BIN") or _newest_postgresql_bin())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, *, timeout=20.0, interval=0.05, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    if not condition():
        raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


def answers_http(url: str) -> bool:
    try:
        requests.get(url, timeout=1)
    except requests.RequestException:
        return False
    return True


def stop_process(process: subprocess.Popen | None, *, timeout=10) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


class MotoS3:
    """moto's server mode: S3 over HTTP on 127.0.0.1, with ACLs and signed URLs like the real one."""

    ACCESS_KEY = "portal-tests"
    SECRET_KEY = "portal-tests-secret"

    def __init__(self, log_dir: Path):
        self.port = free_port()
        self.log_path = log_dir / "moto.log"
        self.process = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "MotoS3":
        self.process = subprocess.Popen(
            [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for(lambda: answers_http(self.endpoint_url), timeout=30, what="moto_server")
        return self

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=self.ACCESS_KEY,
            aws_secret_access_key=self.SECRET_KEY,
        )

    def new_bucket(self) -> str:
        name = f"portal-media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def credentials_environment(self) -> dict:
        return {
            "AWS_ACCESS_KEY_ID": self.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": self.SECRET_KEY,
        }

    def stop(self):
        stop_process(self.process)


class PortalNode:
    """One web node: gunicorn serving config.wsgi with the given environment."""

    def __init__(self, name: str, environment: dict, log_dir: Path):
        self.name = name
        self.port = free_port()
        self.environment = environment
        self.log_path = log_dir / f"node-{name}.log"
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "PortalNode":
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            cwd=REPO,
            env=self.environment,
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        return self

    def wait_until_ready(self):
        wait_for(
            lambda: self.process.poll() is None and answers_http(f"{self.url}/healthz"),
            timeout=60,
            interval=0.2,
            what=f"gunicorn node {self.name}:\n{self.log()}",
        )

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def stop(self):
        stop_process(self.process)


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL's tools refuse to run as root; CI runs as root, a developer maybe as postgres."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + command, capture_output=True, text=True, **kwargs)


class StreamingReplica:
    """A hot standby of the PostgreSQL at primary_host:primary_port, on a port of its own."""

    # Settings a hot standby must have at least as high as its primary.
    PRIMARY_LIMITS = (
        "max_connections",
        "max_worker_processes",
        "max_wal_senders",
        "max_prepared_transactions",
        "max_locks_per_transaction",
    )

    def __init__(self, *, primary_host: str, primary_port: int, user: str, primary_limits: dict):
        self.primary_host, self.primary_port, self.user = primary_host, primary_port, user
        self.primary_limits = primary_limits
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="cities-replica-"))
        self.data = self.folder / "data"

    def _chown_to_postgres(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres", group="postgres")

    def create(self) -> "StreamingReplica":
        self._chown_to_postgres()
        backup = _as_postgres(
            [
                str(PG_BIN / "pg_basebackup"),
                "--host",
                self.primary_host,
                "--port",
                str(self.primary_port),
                "--username",
                self.user,
                "--pgdata",
                str(self.data),
                "--write-recovery-conf",
                "--wal-method=stream",
                "--checkpoint=fast",
                "--no-sync",
            ],
            timeout=300,
        )
        if backup.returncode != 0:
            raise RuntimeError(f"pg_basebackup failed: {backup.stderr}")
        # Debian keeps the primary's configuration outside its data folder, so the copy has none:
        # a minimal one, on loopback only, with the socket in the replica's own folder.
        (self.data / "postgresql.conf").write_text(
            "\n".join(
                [
                    f"port = {self.port}",
                    "listen_addresses = '127.0.0.1'",
                    f"unix_socket_directories = '{self.folder}'",
                    "hot_standby = on",
                    # A standby refuses to start with less of these than its primary has.
                    *(f"{name} = {value}" for name, value in self.primary_limits.items()),
                    "shared_buffers = 32MB",
                    "fsync = off",
                    "logging_collector = off",
                    "",
                ]
            )
        )
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        )
        (self.data / "pg_ident.conf").write_text("")
        if os.geteuid() == 0:
            for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
                shutil.chown(self.data / name, user="postgres", group="postgres")
        return self

    def start(self):
        started = _as_postgres(
            [
                str(PG_BIN / "pg_ctl"),
                "--pgdata",
                str(self.data),
                "--log",
                str(self.folder / "replica.log"),
                "--wait",
                "--timeout=60",
                "start",
            ],
            timeout=90,
        )
        if started.returncode != 0:
            raise RuntimeError(f"the replica did not start: {started.stderr}\n{self.log()}")
        wait_for(self.accepts_connections, timeout=60, interval=0.1, what="the replica")

    def accepts_connections(self) -> bool:
        import psycopg2

        try:
            psycopg2.connect(
                dbname="postgres", user=self.user, host="127.0.0.1", port=self.port
            ).close()
        except psycopg2.OperationalError:
            return False
        return True

    def stop(self):
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "--pgdata", str(self.data), "--mode=fast", "--wait", "stop"],
            timeout=60,
        )

    def is_running(self) -> bool:
        status = _as_postgres([str(PG_BIN / "pg_ctl"), "--pgdata", str(self.data), "status"])
        return status.returncode == 0

    def log(self) -> str:
        path = self.folder / "replica.log"
        return path.read_text() if path.exists() else ""

    def remove(self):
        if self.data.exists() and self.is_running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
