#!/usr/bin/env python3
"""`make soak`: mixed traffic and faults against the production stack, for SOAK_SECONDS.

gunicorn (production settings) on its own PostgreSQL database (cities_soak: migrated, demo
content) and its own redis-server on a free port, with a real Celery worker. For SOAK_SECONDS it
sends pages, search, API reads and hostile form/API posts (oversized bodies, wrong types, broken
UTF-8, SQL and template injection, huge query strings) from several threads, while a side process
publishes news that notifies a cluster's followers. A third of the way in Redis is restarted; two
thirds in the worker is killed (SIGKILL) and started again. Then the outbox is swept until it
drains and every notification email is checked to have been delivered exactly once.

Exits non-zero on any 5xx, any connection failure, or any lost or duplicated email. Everything
goes to 127.0.0.1 only. The report is printed and written to var/soak/report.json.
"""

import contextlib
import hashlib
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tools import free_port, manage, script_json

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "var" / "soak"
PYTHON = sys.executable
VENV_BIN = Path(PYTHON).parent
SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
THREADS = int(os.environ.get("SOAK_THREADS", "6"))
FOLLOWERS = int(os.environ.get("SOAK_FOLLOWERS", "15"))
PUBLISH_EVERY = float(os.environ.get("SOAK_PUBLISH_EVERY", "3"))
DRAIN_TIMEOUT = int(os.environ.get("SOAK_DRAIN_SECONDS", "180"))
PG = os.environ.get("SOAK_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("SOAK_DATABASE", "cities_soak")
HOST = "127.0.0.1"


def log(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- processes -----------------------------------------------------------------------------


class Service:
    """A child process in its own process group, so a kill takes its children (pool) with it."""

    def __init__(self, name: str, args: list[str], env: dict):
        self.name, self.args, self.env = name, args, env
        self.process = None
        self.starts = 0

    def start(self) -> "Service":
        self.starts += 1
        log_file = open(OUT_DIR / f"{self.name}.log", "a")  # noqa: SIM115 (lives with the process)
        self.process = subprocess.Popen(
            self.args,
            cwd=BASE_DIR,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        self.kill(signal.SIGTERM)


def wait_until(check, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.3)
    raise RuntimeError(f"{what} not ready within {timeout} s")


def redis_ping(port: int) -> bool:
    with socket.create_connection((HOST, port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def http_ok(port: int, path: str = "/healthz") -> bool:
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    connection.request("GET", path)
    return connection.getresponse().status == 200


# --- database ------------------------------------------------------------------------------


def database_recreate() -> None:
    connection = psycopg2.connect(f"{PG}/postgres")
    connection.autocommit = True
    with contextlib.closing(connection), connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')


def publisher(env: dict, *args: str) -> dict:
    return script_json(env, "soak/publisher.py", *args)


def static_files_collected() -> bool:
    """var/static holds a manifest newer than every source file and naming all of them."""
    manifest = BASE_DIR / "var" / "static" / "staticfiles.json"
    if not manifest.exists():
        return False
    sources = [p for p in (BASE_DIR / "static").rglob("*") if p.is_file()]
    if manifest.stat().st_mtime < max(p.stat().st_mtime for p in sources):
        return False
    named = set(json.loads(manifest.read_text()).get("paths", {}))
    wanted = {p.relative_to(BASE_DIR / "static").as_posix() for p in sources}
    return wanted | {"vendor/redoc/redoc.standalone.js"} <= named


# --- traffic -------------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1' --",
    "1; DROP TABLE cities_city; --",
    '" UNION SELECT password FROM accounts_user --',
    "{{ settings.SECRET_KEY }}",
    "{% debug %}{% load log %}",
    "${7*7}#{7*7}<%= 7*7 %>",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "\x00\x01\x02",
    "ترابلس 深圳 Триполи",
]
BROKEN_UTF8 = b"\xff\xfe\xfa\xc3\x28\xa0\xa1\xe2\x28\xa1"


class Traffic:
    def __init__(self, port: int, pages: list[str]):
        self.port = port
        self.pages = pages
        self.statuses: Counter = Counter()
        self.server_errors: list[str] = []
        self.connection_errors: list[str] = []
        self.requests = 0
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.csrf_cookie = ""
        self.csrf_token = ""

    def request(
        self, method: str, path: str, body: bytes | None = None, headers=None, oversized=False
    ) -> int | None:
        headers = {"Host": HOST, "User-Agent": "cities-soak", **(headers or {})}
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (BrokenPipeError, ConnectionResetError) as error:
            if not oversized:
                self._connection_failed(method, path, error)
                return None
            # The server answered 400 before reading the whole oversized body and closed the
            # connection: the refusal wanted, seen from a client still sending.
            with self.lock:
                self.requests += 1
                self.statuses["refused oversized body"] += 1
            return None
        except (OSError, http.client.HTTPException) as error:
            self._connection_failed(method, path, error)
            return None
        finally:
            connection.close()
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            # /healthz answering 503 while Redis restarts is its job, not a server error.
            if status >= 500 and not (status == 503 and path.startswith("/healthz")):
                self.server_errors.append(f"{status} {method} {path[:200]}")
        return status

    def _connection_failed(self, method: str, path: str, error: Exception) -> None:
        with self.lock:
            self.requests += 1
            self.statuses["connection error"] += 1
            self.connection_errors.append(f"{method} {path[:120]}: {error!r}")

    def fetch_csrf(self) -> None:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        connection.request("GET", "/accounts/login/", headers={"Host": HOST})
        response = connection.getresponse()
        html = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and "csrftoken=" in value:
                self.csrf_cookie = value.split(";", 1)[0]
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        self.csrf_token = match.group(1) if match else ""

    def form(
        self,
        path: str,
        fields: dict,
        *,
        csrf: bool = True,
        raw: bytes | None = None,
        oversized=False,
    ) -> None:
        data = dict(fields)
        if csrf:
            data["csrfmiddlewaretoken"] = self.csrf_token
        body = raw if raw is not None else urllib.parse.urlencode(data).encode()
        self.request(
            "POST",
            path,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.csrf_cookie if csrf else "",
            },
            oversized=oversized,
        )

    def api_post(self, path: str, body: bytes, content_type="application/json") -> None:
        self.request("POST", path, body, {"Content-Type": content_type})

    def one_round(self, rng: random.Random) -> None:
        bad = rng.choice(INJECTIONS)
        quoted = urllib.parse.quote(bad)
        choice = rng.randrange(20)
        if choice < 7:
            self.request("GET", rng.choice(self.pages))
        elif choice == 7:
            self.request("GET", f"/search/?q={quoted}&type={quoted}&page={quoted}")
        elif choice == 8:
            self.request("GET", "/search/?q=%ff%fe%00" + "A" * rng.choice([10, 2000, 6000]))
        elif choice == 9:
            self.request(
                "GET",
                f"/api/v1/{rng.choice(['projects', 'events', 'cities', 'resources'])}/?page={quoted}&ordering={quoted}&search={quoted}",
            )
        elif choice == 10:
            self.request(
                "GET",
                rng.choice(
                    [
                        "/cities/%ff%fe/",
                        f"/clusters/{'x' * 3000}/",
                        f"/events/{quoted}/",
                        "/projects/..%2f..%2fetc%2fpasswd/",
                    ]
                ),
            )
        elif choice == 11:
            self.form("/accounts/login/", {"login": bad, "password": bad})
        elif choice == 12:
            self.form("/accounts/signup/", {"email": bad, "password1": "x", "password2": ["y"]})
        elif choice == 13:
            self.form(
                "/accounts/login/", {}, raw=b"login=" + BROKEN_UTF8 + b"&password=" + BROKEN_UTF8
            )
        elif choice == 14:
            # Larger than DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
            self.form(
                "/accounts/login/", {"login": "a" * 3_000_000, "password": "b"}, oversized=True
            )
        elif choice == 15:
            self.form(
                rng.choice(["/follow/", "/accounts/password/reset/"]),
                {"email": bad, "cluster": bad},
                csrf=rng.random() < 0.5,
            )
        elif choice == 16:
            self.api_post(
                "/api/v1/subscriptions/",
                rng.choice(
                    [
                        b"{not json",
                        BROKEN_UTF8,
                        b'{"cluster": "abc", "delivery": 7}',
                        b"[]" * 100_000,
                    ]
                ),
            )
        elif choice == 17:
            self.api_post(
                "/api/v1/collaboration-requests/",
                json.dumps({"kind": bad, "message": bad, "project": [1, 2]}).encode(),
            )
        elif choice == 18:
            self.request(
                "GET",
                rng.choice(self.pages),
                headers={
                    "Cookie": f"tz={quoted}; sessionid={quoted}",
                    "Accept-Language": bad.encode("utf-8", "replace").decode("latin-1", "replace"),
                    "X-Request-ID": "x" * 300,
                },
            )
        else:
            self.request("GET", "/api/v1/map/?cluster=" + quoted)

    def run_thread(self, seed: int) -> None:
        rng = random.Random(seed)
        while not self.stop.is_set():
            self.one_round(rng)


# --- the run -------------------------------------------------------------------------------


def message_id_for(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def delivered_message_ids(mail_dir: Path) -> Counter:
    found: Counter = Counter()
    for path in mail_dir.glob("*"):
        for match in re.finditer(
            rb"^Message-ID: <([0-9a-f]{32})@", path.read_bytes(), re.MULTILINE
        ):
            found[match.group(1).decode()] += 1
    return found


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old_log in OUT_DIR.glob("*.log"):
        old_log.unlink()
    mail_dir = OUT_DIR / "mail"
    if mail_dir.exists():
        for old in mail_dir.iterdir():
            old.unlink()
    mail_dir.mkdir(exist_ok=True)
    redis_port, web_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_"))}
    env.update(
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback
        DATABASE_URL=f"{PG}/{DATABASE}",
        REDIS_URL=f"redis://{HOST}:{redis_port}/0",
        EMAIL_URL="filemail://",
        EMAIL_FILE_PATH=str(mail_dir),
        API_THROTTLE_ANON="1000000/minute",
        API_THROTTLE_USER="1000000/minute",
        API_THROTTLE_WRITE="1000000/minute",
        LOG_LEVEL="WARNING",
        SLOW_REQUEST_MS="2000",
        SLOW_QUERY_MS="500",
        PYTHONUNBUFFERED="1",
    )
    services: list[Service] = []
    try:
        redis = Service(
            "redis",
            [
                "redis-server",
                "--bind",
                HOST,
                "--port",
                str(redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            env,
        ).start()
        services.append(redis)
        wait_until(lambda: redis_ping(redis_port), "redis-server")
        # Redis first: loading the demo enqueues work (the city suggestions' refresh) on it.
        log(f"database {DATABASE}: create, migrate, demo content")
        database_recreate()
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        if not static_files_collected():
            log("collecting static files (production storage)")
            manage(env, "collectstatic", "--noinput", "-v0")
        log(f"followers: {publisher(env, 'setup', str(FOLLOWERS))}")
        web = Service(
            "gunicorn",
            [
                str(VENV_BIN / "gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"{HOST}:{web_port}",
                "--workers",
                "3",
                "--timeout",
                "60",
            ],
            env,
        ).start()
        services.append(web)
        worker_args = [
            str(VENV_BIN / "celery"),
            "-A",
            "config",
            "worker",
            "-Q",
            "transactional,notifications,bulk",  # every queue of CELERY_TASK_QUEUES
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
        ]
        worker = Service("celery", worker_args, env).start()
        services.append(worker)
        wait_until(lambda: http_ok(web_port), "gunicorn", timeout=90)

        pages = [
            "/",
            "/clusters/",
            "/clusters/disaster-risk-reduction/",
            "/cities/",
            "/cities/tripoli-lebanon/",
            "/projects/",
            "/projects/lebanon-disaster-risk-governance/",
            "/events/",
            "/events/past/",
            "/resources/",
            "/news/",
            "/partners/",
            "/partners/undp/",
            "/map/",
            "/search/?q=Tripoli",
            "/api/v1/clusters/",
            "/api/v1/projects/",
            "/api/v1/events/",
            "/api/v1/cities/?page=2",
            "/api/v1/map/",
            "/api/schema/",
            "/api/docs/",
            "/clusters.css",
            "/sitemap.xml",
            "/accounts/login/",
            "/accounts/signup/",
            "/healthz",
            "/robots.txt",
        ]
        traffic = Traffic(web_port, pages)
        traffic.fetch_csrf()
        log(
            f"traffic: {THREADS} threads for {SECONDS} s; Redis on {redis_port}, gunicorn on {web_port}"
        )
        threads = [
            threading.Thread(target=traffic.run_thread, args=(n,), daemon=True)
            for n in range(THREADS)
        ]
        publishing = subprocess.Popen(
            [PYTHON, "soak/publisher.py", "publish", str(SECONDS), str(PUBLISH_EVERY)],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=open(OUT_DIR / "publisher.log", "w"),  # noqa: SIM115 (lives with the process)
            text=True,
        )
        started = time.monotonic()
        for thread in threads:
            thread.start()

        time.sleep(max(1, SECONDS / 3))
        log("fault: restarting Redis")
        redis.kill(signal.SIGKILL)
        time.sleep(2)
        redis.start()
        wait_until(lambda: redis_ping(redis_port), "redis-server after restart")

        time.sleep(max(1, started + 2 * SECONDS / 3 - time.monotonic()))
        log("fault: killing the Celery worker (SIGKILL), then starting it again")
        worker.kill(signal.SIGKILL)
        time.sleep(2)
        worker.start()

        time.sleep(max(0, started + SECONDS - time.monotonic()))
        traffic.stop.set()
        for thread in threads:
            thread.join(timeout=60)
        out, _ = publishing.communicate(timeout=120)
        published = json.loads(out.strip().splitlines()[-1])
        log(
            f"traffic done: {traffic.requests} requests; {len(published['published'])} items published"
        )

        expected = len(published["published"]) * FOLLOWERS
        drain_deadline = time.monotonic() + DRAIN_TIMEOUT
        while True:
            swept = publisher(env, "sweep")
            states = swept["states"]
            if states.get("sent", 0) >= expected and set(states) <= {"sent"}:
                break
            if time.monotonic() > drain_deadline:
                log(f"outbox did not drain within {DRAIN_TIMEOUT} s: {states}")
                break
            time.sleep(5)
        time.sleep(2)  # the last file the worker writes

        rows = publisher(env, "rows")
        delivered = delivered_message_ids(mail_dir)
        wanted = {message_id_for(row["idempotency_key"]): row for row in rows}
        lost = sorted(row["idempotency_key"] for mid, row in wanted.items() if delivered[mid] == 0)
        duplicated = sorted(
            row["idempotency_key"] for mid, row in wanted.items() if delivered[mid] > 1
        )
        missing_rows = expected - len(rows)
        report = {
            "seconds": SECONDS,
            "requests": traffic.requests,
            "statuses": {
                str(k): v for k, v in sorted(traffic.statuses.items(), key=lambda kv: str(kv[0]))
            },
            "server_errors": traffic.server_errors[:50],
            "connection_errors": traffic.connection_errors[:50],
            "published": len(published["published"]),
            "publish_failures": published["failures"],
            "followers": FOLLOWERS,
            "notification_emails_expected": expected,
            "outbox_rows": len(rows),
            "outbox_states": states,
            "emails_delivered": sum(delivered[mid] for mid in wanted),
            "lost": len(lost) + max(0, missing_rows),
            "duplicated": len(duplicated),
            "lost_keys": lost[:20],
            "duplicated_keys": duplicated[:20],
            "faults": {"redis_restarts": redis.starts - 1, "worker_kills": worker.starts - 1},
        }
    finally:
        for service in reversed(services):
            service.stop()

    (OUT_DIR / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    failures = []
    if traffic.server_errors:
        failures.append(f"{len(traffic.server_errors)} server errors (5xx)")
    if traffic.connection_errors:
        failures.append(f"{len(traffic.connection_errors)} failed connections")
    if report["lost"] or report["duplicated"]:
        failures.append(f"{report['lost']} lost and {report['duplicated']} duplicated emails")
    if published["failures"]:
        failures.append(f"{published['failures']} publications failed")
    if failures:
        log("FAILED: " + "; ".join(failures))
        return 1
    log("passed: no 5xx, every notification email delivered exactly once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
