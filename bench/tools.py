"""What the benchmark (bench/run.py) and the soak test (soak/run.py) both do to the project."""

# ruff: noqa: S603
import json
import socket
import subprocess
import sys
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
