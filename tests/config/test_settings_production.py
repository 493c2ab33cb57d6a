"""Production (`DJANGO_ENV=production`) refuses unsafe settings at start-up, and a correctly
configured one passes Django's own deployment checklist.

Each case starts a fresh interpreter: settings are read once per process.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = secrets.token_urlsafe(50)
# Variables that would leak from the developer's or CI's environment into the child.
CONFIG_VARIABLES = (
    "DJANGO_ENV",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "BEHIND_TLS_PROXY",
    # Set by the browser tests' fixtures (Playwright's sync API); the deploy check rejects it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


@pytest.fixture
def run_with(tmp_path):
    def run(*args: str, **variables: str) -> subprocess.CompletedProcess:
        child_env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
        child_env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
            **variables,
        )
        return subprocess.run(
            [sys.executable, *args],
            cwd=REPO_ROOT,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def start_django(run_with, **variables: str) -> subprocess.CompletedProcess:
    return run_with("-c", "import django; django.setup()", **variables)


def test_it_refuses_production_without_a_secret_key(run_with):
    result = start_django(run_with, DJANGO_ENV="production", DEBUG="false")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Production needs SECRET_KEY" in result.stderr


def test_it_refuses_production_with_a_short_secret_key(run_with):
    result = start_django(run_with, DJANGO_ENV="production", DEBUG="false", SECRET_KEY="x" * 40)

    assert result.returncode != 0
    assert "Production needs SECRET_KEY" in result.stderr


def test_it_refuses_production_with_debug_on(run_with):
    result = start_django(run_with, DJANGO_ENV="production", DEBUG="true", SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG" in result.stderr


def test_it_refuses_an_unknown_environment_name(run_with):
    result = start_django(run_with, DJANGO_ENV="prod", SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "DJANGO_ENV must be 'development' or 'production'" in result.stderr


def test_it_starts_in_production_with_a_good_key_and_debug_off(run_with):
    result = run_with(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.SESSION_COOKIE_SECURE)",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cities.example.org,www.cities.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("False ['cities.example.org', 'www.cities.example.org'] True")


def test_it_passes_the_deploy_checklist_in_production(run_with):
    result = run_with(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cities.example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_it_redirects_to_https_in_production_but_lets_healthz_answer_over_http(run_with):
    result = run_with(
        "-c",
        "import django; django.setup(); from django.test import Client; "
        "client = Client(HTTP_HOST='cities.example.org'); "
        "home = client.get('/'); healthz = client.get('/healthz'); "
        "print(home.status_code, home.get('Location'), healthz.status_code)",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cities.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "https://cities.example.org/", "200"]
