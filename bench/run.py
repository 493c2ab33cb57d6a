"""`make bench`: pages, API, search and digests at scale, against Django's own floor, in one run.

Sizes: BENCH_SCALE=full (the issue's numbers: 5k cities, 20k pilots, 50k events, 200k resources,
100k users; 20 s per target) or small (a tenth; 5 s per target). BENCH_DURATION overrides the
seconds per target, BENCH_ONLY=queries,search,http,digests picks steps, BENCH_FRESH=1 regenerates
a database that already holds data of the same size and seed.

Every ratio is taken against the baseline view served by the same gunicorn in the same run,
measured before and after the other targets, because the machine's load changes under us.
"""

# The bench starts its own tools (gunicorn, wrk, celery, manage.py) with arguments it builds itself.
# ruff: noqa: S603, S607

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import psycopg2

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import report  # noqa: E402
from bench.tools import free_port, manage, script_json, status_of, workers_warm  # noqa: E402

VENV_BIN = Path(sys.executable).parent
PYTHON = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
OUT_DIR = BASE_DIR / "var" / "bench"

SCALES = {
    "full": {
        "sizes": {
            "cities": 5000,
            "projects": 20000,
            "events": 50000,
            "resources": 200000,
            "users": 100000,
        },
        "duration": 20,
        "digest_readers": (10000, 100000),
    },
    "small": {
        "sizes": {
            "cities": 500,
            "projects": 2000,
            "events": 5000,
            "resources": 20000,
            "users": 10000,
        },
        "duration": 5,
        "digest_readers": (1000, 10000),
    },
}
SEED = int(os.environ.get("BENCH_SEED", "1"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
# Seconds one digest run (or its rerun) may take before the bench gives up on it.
DIGEST_TIMEOUT = float(os.environ.get("BENCH_DIGEST_TIMEOUT", "1800"))
# Digest sizes to run instead of the scale's, e.g. BENCH_DIGEST_READERS=100000.
DIGEST_READERS = os.environ.get("BENCH_DIGEST_READERS", "")

# Load-test targets: scale objects where the generator made them, the seven seeded clusters.
HTTP_TARGETS = {
    "home": "/",
    "cluster": "/clusters/disaster-risk-reduction/",
    "city": "/cities/scale-city-000001/",
    "pilot": "/projects/scale-project-000100/",
    "events_filtered": "/events/?kind=webinar",
    "search": "/search/?q=flooding+warning",
    "api_resources_list": "/api/v1/resources/",
    "api_events_list": "/api/v1/events/",
    "api_projects_list": "/api/v1/projects/",
    "api_cities_list": "/api/v1/cities/",
    "api_resource_detail": "/api/v1/resources/scale-resource-0000100/",
    "api_project_detail": "/api/v1/projects/scale-project-000100/",
    # The city page above carries its suggestions (signed in too); here they are on their own.
    "api_city_matches": "/api/v1/cities/scale-city-000001/matches/",
}
# Signed in only (anonymous visitors are sent to sign in): the official's own page, and the
# editor's desk as UN staff see it.
SIGNED_IN_TARGETS = {"me": "/me/", "editor_desk": "/editor/"}
STAFF_TARGETS = {"editor_desk"}
# Pages whose anonymous cache miss is also timed in French and Arabic.
LANGUAGE_TARGETS = ("home", "cluster", "city", "pilot", "events_filtered", "search")
# The other pages: only their anonymous cache miss is timed (en / fr / ar), for the goal that
# every page misses in under 40 ms.
MISS_ONLY_TARGETS = {
    "clusters_list": "/clusters/",
    "cities_list": "/cities/",
    "pilots_list": "/projects/",
    # The generated programme all the generated pilots run under (19,980).
    "programme": "/projects/scale-project-000000/",
    "events_list": "/events/",
    "events_past": "/events/past/",
    "event": "/events/scale-event-000100/",
    "resources_list": "/resources/",
    "resource": "/resources/scale-resource-0000100/",
    "news_list": "/news/",
    "opportunities_list": "/opportunities/",
    "partners_list": "/partners/",
    "partner": "/partners/scale-org-00100/",
    "map": "/map/",
    "statistics": "/statistics/",
}


def python_loop_seconds() -> float:
    """Seconds for ten million additions in a Python loop, the best of three: how fast this
    machine runs Python, to read the run's absolute milliseconds against."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(10_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return round(best, 2)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def db_url(name: str) -> str:
    return f"{PG}/{name}"


def django_env(database: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.pop("REDIS_URL", None)
    env.update({"DATABASE_URL": db_url(database), "PYTHONUNBUFFERED": "1", **extra})
    return env


def production_env(database: str, secret_key: str, **extra) -> dict:
    """Production settings, as `make serve` runs, with the bench's own Redis db and limits off."""
    return django_env(
        database,
        DJANGO_ENV="production",
        SECRET_KEY=secret_key,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Plain HTTP on loopback: no TLS redirect; no API throttling of the load generator.
        SECURE_SSL_REDIRECT="false",
        API_THROTTLE_ANON="10000000/minute",
        API_THROTTLE_USER="10000000/minute",
        REDIS_URL=REDIS_URL,
        BENCH_BASELINE_ENABLED="true",
        LOG_LEVEL="WARNING",
        **extra,
    )


def inprocess(env: dict, step: str, *args: str) -> dict:
    return script_json(env, "bench/inprocess.py", step, *args)


def pg_connect(database: str):
    connection = psycopg2.connect(db_url(database))
    connection.autocommit = True
    return connection


def database_recreate(name: str) -> None:
    with contextlib.closing(pg_connect("postgres")) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')


def database_vacuum(name: str) -> None:
    """Set the visibility map, as autovacuum does on a live database.

    Freshly loaded tables have none, so every count reads the heap instead of an index-only scan
    and the pages measure a state production never stays in (autovacuum may be off locally).
    """
    log(f"vacuuming {name}")
    with contextlib.closing(pg_connect(name)) as connection, connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def database_prepare(name: str, sizes: dict | None) -> float | None:
    """Create, migrate and fill a database unless it already holds exactly this data."""
    marker = OUT_DIR / f"db-{name}.json"
    wanted = {"sizes": sizes, "seed": SEED, "day": dt.date.today().isoformat()}
    if (
        os.environ.get("BENCH_FRESH") != "1"
        and marker.exists()
        and json.loads(marker.read_text()) == wanted
    ):
        log(f"reusing database {name} (BENCH_FRESH=1 regenerates it)")
        # Migrations may have moved on since; applying them is quick and keeps the data.
        manage(django_env(name), "migrate", "--noinput", "-v0")
        return None
    log(f"creating database {name}")
    database_recreate(name)
    env = django_env(name)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    seconds = None
    if sizes:
        started = time.monotonic()
        manage(
            env, "generate_scale_data", *[f"--{k}={v}" for k, v in sizes.items()], f"--seed={SEED}"
        )
        seconds = round(time.monotonic() - started, 1)
        database_vacuum(name)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(wanted))
    return seconds


@contextlib.contextmanager
def running(args: list[str], env: dict, log_name: str):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / f"{log_name}.log", "w") as log_file:
        process = subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=5) as response,  # noqa: S310 (loopback)
        ):
            if response.status == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


def wrk(url: str, seconds: int, cookie: str) -> dict:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONCURRENCY}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(BASE_DIR / "bench" / "wrk_report.lua"),
            url,
        ],
        env={**os.environ, "BENCH_COOKIE": cookie},
        check=True,
        capture_output=True,
        text=True,
    )
    match = re.search(r"^BENCH_JSON (.*)$", out.stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk printed no summary:\n{out.stdout}\n{out.stderr}")
    return json.loads(match.group(1))


def uncached_ms(url: str, cookie: str, samples: int = 5) -> float:
    """Median time of one request on an empty cache: what a visitor pays on a page-cache miss.

    The load test itself mostly measures cache hits (the first request stores the page for 60 s);
    this is the render behind them. Emptying the bench's own Redis db also resets throttles.
    """
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    timings = []
    for _ in range(samples):
        client.flushdb()
        started = time.perf_counter()
        status_of(url, cookie)
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1)


def step_http(database: str, secret_key: str, seconds: int) -> tuple[list[dict], list[dict]]:
    env = production_env(database, secret_key)
    manage(env, "collectstatic", "--noinput", "-v0")
    sessions = inprocess(env, "session")
    cookie, staff_cookie = sessions["cookie"], sessions["staff_cookie"]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--timeout",
        "60",
    ]
    rows, misses = [], []
    with running(args, env, "gunicorn"):
        wait_for_http(f"{base}/bench/baseline")
        workers_warm(
            base,
            paths=[path for path in HTTP_TARGETS.values() if not path.startswith("/api/")],
            workers=WORKERS,
        )
        log(
            f"gunicorn with {WORKERS} workers on {base}, each warmed up; {CONCURRENCY} connections,"
            f" {seconds} s each"
        )
        for who, who_cookie in (("anonymous", ""), ("signed_in", cookie)):
            plan = [
                ("baseline", "/bench/baseline"),
                *HTTP_TARGETS.items(),
                *(SIGNED_IN_TARGETS.items() if who_cookie else ()),
                ("baseline (again)", "/bench/baseline"),
            ]
            measured = []
            for name, path in plan:
                target_cookie = staff_cookie if who_cookie and name in STAFF_TARGETS else who_cookie
                status = status_of(
                    base + path, target_cookie
                )  # also warms each worker's caches a little
                uncached = uncached_ms(base + path, target_cookie)
                stats = wrk(base + path, seconds, target_cookie)
                stats["status"] = status
                stats["uncached_ms"] = uncached
                if not who_cookie and name in LANGUAGE_TARGETS:
                    for language in ("fr", "ar"):
                        stats[f"uncached_{language}_ms"] = uncached_ms(
                            f"{base}/{language}{path}", ""
                        )
                measured.append((name, stats))
                log(
                    f"{who:<9} {name:<22} {stats['requests'] / (stats['duration_us'] / 1e6):8.1f} req/s  status {status}  uncached {uncached} ms"
                )
            if not who_cookie:
                for name, path in MISS_ONLY_TARGETS.items():
                    # Any language's error status, else 200: a page that fails is not fast.
                    statuses = [
                        status_of(f"{base}{prefix}{path}", "") for prefix in ("", "/fr", "/ar")
                    ]
                    stats = {
                        "status": next((code for code in statuses if code != 200), 200),
                        "uncached_ms": uncached_ms(base + path, ""),
                        **{
                            f"uncached_{language}_ms": uncached_ms(f"{base}/{language}{path}", "")
                            for language in ("fr", "ar")
                        },
                    }
                    misses.append(report.miss_row(name, stats))
                    log(
                        f"{who:<9} {name:<22} status {stats['status']}  uncached {stats['uncached_ms']} ms"
                    )
            baselines = [
                stats["requests"] / (stats["duration_us"] / 1e6)
                for name, stats in measured
                if name.startswith("baseline")
            ]
            baseline_rps = sum(baselines) / len(baselines)
            for name, stats in measured:
                row = report.http_row(name, who, stats, baseline_rps)
                row["status"] = stats["status"]
                if stats["status"] != 200:
                    row["errors"] = max(row["errors"], row["requests"])
                rows.append(row)
    return rows, misses


def step_search(database: str) -> dict:
    return inprocess(django_env(database), "search")


def step_querycounts(demo_db: str, scale_db: str) -> dict:
    demo = inprocess(django_env(demo_db), "querycounts")
    scale = inprocess(django_env(scale_db), "querycounts")
    return {
        name: {
            "demo": demo[name]["queries"],
            "scale": scale[name]["queries"],
            "status": scale[name]["status"],
        }
        for name in demo
    }


class RssSampler(threading.Thread):
    """Samples the worker's process tree: the busiest process's RSS and the tree's total.

    The tree's RSS counts the pages the pool processes share with the parent they were forked
    from once per process. Its PSS (proportional set size) shares them out, so it adds up to the
    memory the worker takes from the machine; reading it costs more, so it is sampled once a
    second.
    """

    PSS_EVERY = 10  # samples

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_process = 0
        self.peak_tree = 0
        self.peak_tree_pss = 0
        self.busy = 0.0
        self.stopping = threading.Event()

    def run(self):
        samples = 0
        while not self.stopping.is_set():
            with contextlib.suppress(psutil.Error):
                processes = [self.root, *self.root.children(recursive=True)]
                sizes = [p.memory_info().rss for p in processes]
                self.peak_process = max(self.peak_process, *sizes)
                self.peak_tree = max(self.peak_tree, sum(sizes))
                if samples % self.PSS_EVERY == 0:
                    pss = sum(p.memory_full_info().pss for p in processes)
                    self.peak_tree_pss = max(self.peak_tree_pss, pss)
            samples += 1
            time.sleep(0.1)

    def cpu_busy(self) -> float:
        """CPU percent of the whole tree since the previous call."""
        total = 0.0
        with contextlib.suppress(psutil.Error):
            for process in [self.root, *self.root.children(recursive=True)]:
                total += process.cpu_percent(None)
        return total


def sink_state(path: Path) -> dict:
    for _attempt in range(20):
        with contextlib.suppress(OSError, ValueError):
            return json.loads(path.read_text())
        time.sleep(0.1)
    raise RuntimeError("the SMTP sink wrote no state")


def broker_backlog(broker) -> int:
    """Tasks queued or running: every list in the bench's Redis db, plus unacknowledged ones.

    Tasks are acknowledged late, so a task the worker is running stays in "unacked" until it ends.
    """
    queued = sum(broker.llen(key) for key in broker.scan_iter() if broker.type(key) == b"list")
    return queued + broker.hlen("unacked")


def digest_wait(
    database: str, sampler: RssSampler, sink: Path, timeout: float, broker=None
) -> dict:
    """Wait until the worker has built every digest and delivered every email, then stay idle.

    CPU alone cannot tell: a worker waiting on PostgreSQL is idle yet busy, so the broker must
    also hold no task, queued or running.
    """
    deadline = time.monotonic() + timeout
    last, stable_since = None, time.monotonic()
    sampler.cpu_busy()
    with contextlib.closing(pg_connect(database)) as connection:
        while time.monotonic() < deadline:
            time.sleep(1)
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM notifications_digest")
                digests = cursor.fetchone()[0]
                cursor.execute(
                    "SELECT count(*) FROM notifications_outboxemail WHERE state IN ('pending', 'sending')"
                )
                unsent = cursor.fetchone()[0]
            state = sink_state(sink)
            backlog = broker_backlog(broker) if broker is not None else 0
            now = (digests, unsent, state["messages"], backlog)
            busy = sampler.cpu_busy()
            if now != last:
                last, stable_since = now, time.monotonic()
            # Nothing queued, running or left to send, and idle for five seconds: the run is over.
            if unsent == 0 and backlog == 0 and busy < 10 and time.monotonic() - stable_since >= 5:
                return {"digests": digests, "sink": state}
    raise RuntimeError(f"digests did not finish within {timeout} s: {last}")


def step_digests(database: str, secret_key: str, reader_counts) -> list[dict]:
    import redis

    broker = redis.Redis.from_url(REDIS_URL)
    broker.flushdb()  # the bench's own db: no stale tasks or cache
    runs = []
    for readers in reader_counts:
        # A sink per size: the next size mails the same first readers the same digest again,
        # which one sink would count as duplicates.
        sink = OUT_DIR / f"smtp-sink-{readers}.json"
        sink.unlink(missing_ok=True)
        smtp_port = free_port()
        env = production_env(database, secret_key, EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}")
        sink_args = [PYTHON, "bench/smtp_sink.py", str(smtp_port), str(sink)]
        with running(sink_args, env, f"smtp-sink-{readers}"):
            sink_state(sink)
            runs.append(digest_run(database, env, broker, sink, readers))
    return runs


def digest_run(database: str, env: dict, broker, sink: Path, readers: int) -> dict:
    """One weekly digest to `readers` followers, then the same run again (it must send nothing)."""
    prepared = inprocess(env, "digest_prepare", str(readers))
    worker_args = [
        str(VENV_BIN / "celery"),
        "-A",
        "config",
        "worker",
        # One worker; its prefork pool has one process per core (Celery's default), as deployed.
        "--pool=prefork",
        "-Q",
        "transactional,notifications,bulk",  # every queue of CELERY_TASK_QUEUES
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    with running(worker_args, env, f"celery-{readers}") as worker:
        time.sleep(3)  # let the pool process start before sampling
        sampler = RssSampler(worker.pid)
        sampler.start()
        idle_rss = sampler.root.memory_info().rss
        before = sink_state(sink)["messages"]
        started = time.time()
        inprocess(env, "digest_trigger")
        log(f"weekly digest queued for {prepared['readers']} readers")
        done = digest_wait(database, sampler, sink, timeout=DIGEST_TIMEOUT, broker=broker)
        messages = done["sink"]["messages"] - before
        last_at = done["sink"]["last_at"]
        seconds = round(last_at - started, 1) if messages and last_at else None
        run = {
            "readers": prepared["readers"],
            "digests": done["digests"],
            "messages": messages,
            "seconds": seconds,
            "idle_rss_mb": round(idle_rss / 2**20, 1),
            "peak_rss_mb": round(sampler.peak_process / 2**20, 1),
            "peak_tree_rss_mb": round(sampler.peak_tree / 2**20, 1),
            "peak_tree_pss_mb": round(sampler.peak_tree_pss / 2**20, 1),
        }
        log(
            f"{readers} readers: {messages} emails in {seconds} s, peak RSS {run['peak_rss_mb']} MB"
        )
        inprocess(env, "digest_trigger")
        rerun = digest_wait(database, sampler, sink, timeout=DIGEST_TIMEOUT, broker=broker)
        run["rerun_new_messages"] = rerun["sink"]["messages"] - done["sink"]["messages"]
        run["duplicates_seen_by_sink"] = rerun["sink"]["duplicates"]
        sampler.stopping.set()
    return run


def main() -> int:
    scale_name = os.environ.get("BENCH_SCALE", "small")
    if scale_name not in SCALES:
        print(f"BENCH_SCALE must be one of {', '.join(SCALES)}", file=sys.stderr)
        return 2
    scale = SCALES[scale_name]
    seconds = int(os.environ.get("BENCH_DURATION", scale["duration"]))
    only = set(
        filter(None, os.environ.get("BENCH_ONLY", "queries,search,http,cpu,digests").split(","))
    )
    if "http" in only and not shutil.which("wrk"):
        print("wrk is missing: `apt-get install wrk` (make bench does it).", file=sys.stderr)
        return 2
    scale_db = os.environ.get(
        "BENCH_DB", "cities_bench" if scale_name == "full" else f"cities_bench_{scale_name}"
    )
    demo_db = f"{scale_db}_demo"
    results = {
        "scale": scale_name,
        "sizes": scale["sizes"],
        "seed": SEED,
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "python_loop_seconds": [python_loop_seconds()],
        },
        "concurrency": CONCURRENCY,
        "gunicorn_workers": WORKERS,
        "seconds_per_target": seconds,
    }
    results["generation_seconds"] = database_prepare(scale_db, scale["sizes"])
    # One secret for gunicorn, the worker and the in-process session, so the cookie is valid.
    secret_key = secrets.token_urlsafe(50)
    if "queries" in only:
        database_prepare(demo_db, None)
        log("query counts at demo and scale size")
        results["query_counts"] = step_querycounts(demo_db, scale_db)
    if "search" in only:
        log("search: 200 queries in-process")
        results["search"] = step_search(scale_db)
    if "http" in only:
        results["http"], results["misses"] = step_http(scale_db, secret_key, seconds)
    if "cpu" in only:
        log("CPU time of one signed-in page, in-process")
        results["cpu"] = inprocess(production_env(scale_db, secret_key), "cpu")
    if "digests" in only:
        readers = [int(n) for n in DIGEST_READERS.split(",") if n] or scale["digest_readers"]
        results["digests"] = step_digests(scale_db, secret_key, readers)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["machine"]["python_loop_seconds"].append(python_loop_seconds())
    results["goals"] = report.goals(results)
    print()
    print(report.render(results))
    path = report.write(results, OUT_DIR)
    log(f"written {path.relative_to(BASE_DIR)} and var/bench/latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
