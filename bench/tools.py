"""What the benchmark (bench/run.py) and the soak test (soak/run.py) do to the project and ask of
its server."""

# ruff: noqa: S603
import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def script_json(env: dict, script: str, *args: str) -> dict:
    """Run one of the repository's helper scripts; it answers with JSON on its last line."""
    out = subprocess.run(
        [PYTHON, script, *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# What a browser asks for besides the page: the pages travel gzipped to it, and that costs the
# server something on each answer it does not keep (core.middleware.TextGZipMiddleware).
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}


def status_of(url: str, cookie: str) -> int:
    """The status of a GET of `url`, one of the bench's own loopback addresses (hence the S310
    suppressions: no scheme or host comes from outside); 0 if it did not answer."""
    headers = {**BROWSER_HEADERS, **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (TimeoutError, urllib.error.URLError):
        # A target so slow that the workers are still busy with the previous one's queue: an
        # error in its row, not the end of the run.
        return 0


def workers_warm(base: str, *, paths: list[str], workers: int) -> None:
    """Have every gunicorn worker render the pages once, as the processes of a server that has
    been up a while have, before anything is timed.

    A worker that has only served cache hits has no database connection yet, and has never
    rendered the page: its first miss paid a new connection (5-11 ms at scale) and the process's
    first use of the page's code (regular expressions, lazy tables: up to 20 ms more). The first
    page timed, the English home page, was measured on such workers (44.9 ms, then 29.9 ms in
    French). Each request here has its own address, so each is a miss; enough of them at once
    keep every worker busy.
    """
    urls = [
        f"{base}{language}{path}{'&' if '?' in path else '?'}warm={round_}"
        for round_ in range(workers * 2)
        for language in ("", "/fr", "/ar")
        for path in paths
    ]
    with ThreadPoolExecutor(max_workers=workers * 4) as pool:
        statuses = list(pool.map(lambda url: status_of(url, ""), urls))
    if any(status != 200 for status in statuses):
        raise RuntimeError(f"warming the workers: statuses {sorted(set(statuses))}")
