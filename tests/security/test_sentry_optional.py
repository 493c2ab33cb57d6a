"""Sentry is switched on by SENTRY_DSN alone, and stays off (sends nothing) without it."""

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django; django.setup(); import sentry_sdk; "
    "client = sentry_sdk.get_client(); print(client.is_active(), client.dsn, "
    "client.options['send_default_pii'])"
)


def probe(tmp_path, **variables) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **variables,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_it_reports_to_sentry_only_when_a_dsn_is_set(tmp_path):
    # A DSN on a closed local port: initialising sends nothing, and nothing leaves the machine.
    dsn = "http://public@127.0.0.1:9/1"

    assert probe(tmp_path).startswith("False None")
    assert probe(tmp_path, SENTRY_DSN=dsn) == f"True {dsn} False"
