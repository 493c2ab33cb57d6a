"""docker-compose.yml and the Dockerfile are never run here (no Docker engine), so these tests read
them: the stack has every service, waits for healthy dependencies, and runs what the Makefile runs."""

import re
import subprocess
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


def make_dry_run(target: str) -> str:
    return subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def command_of(service: dict) -> str:
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


PORTAL_SERVICES = [
    "web",
    "worker-transactional",
    "worker-notifications",
    "worker-bulk",
    "beat",
]


def test_it_defines_the_services(compose):
    assert set(compose["services"]) == {*PORTAL_SERVICES, "db", "redis"}
    assert compose["services"]["db"]["image"].startswith("postgres:16")
    assert compose["services"]["redis"]["image"].startswith("redis:7")


def test_it_keeps_database_data_in_a_named_volume(compose):
    volumes = compose["services"]["db"]["volumes"]
    named = [volume.split(":")[0] for volume in volumes]

    assert any(name in compose["volumes"] for name in named)


def test_it_health_checks_the_database_and_redis(compose):
    db_check = " ".join(compose["services"]["db"]["healthcheck"]["test"])
    redis_check = " ".join(compose["services"]["redis"]["healthcheck"]["test"])

    assert "pg_isready" in db_check
    assert "redis-cli" in redis_check
    assert "ping" in redis_check


@pytest.mark.parametrize("name", PORTAL_SERVICES)
def test_it_starts_the_portal_only_once_db_and_redis_are_healthy(compose, name):
    depends_on = compose["services"][name]["depends_on"]

    assert depends_on["db"]["condition"] == "service_healthy"
    assert depends_on["redis"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", PORTAL_SERVICES)
def test_it_configures_the_portal_for_production_from_the_environment(compose, name):
    environment = compose["services"][name]["environment"]

    assert environment["DJANGO_ENV"] == "production"
    # `docker compose up` stops with this message rather than starting with no key.
    assert environment["SECRET_KEY"] == "${SECRET_KEY:?set SECRET_KEY}"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert "ALLOWED_HOSTS" in environment


@pytest.mark.parametrize(
    ("service", "target", "shared_command"),
    [
        ("web", "serve", "gunicorn config.wsgi:application"),
        ("worker-transactional", "worker", "celery -A config worker -Q"),
        ("worker-bulk", "worker", "celery -A config worker -Q"),
        ("beat", "beat", "celery -A config beat --loglevel=INFO"),
    ],
)
def test_it_runs_what_the_makefile_runs(compose, service, target, shared_command):
    assert shared_command in command_of(compose["services"][service])
    assert shared_command in make_dry_run(target)


def test_it_migrates_before_starting_gunicorn(compose):
    command = command_of(compose["services"]["web"])

    assert command.index("manage.py migrate --noinput") < command.index("gunicorn")
    assert "&&" in command  # a failed migration must keep gunicorn from starting


def test_it_builds_a_non_root_image_with_static_files_collected():
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()

    assert re.search(r"^FROM python:3\.11-slim", dockerfile, re.MULTILINE)
    assert re.search(r"^RUN pip install \.$", dockerfile, re.MULTILINE)
    assert "manage.py collectstatic --noinput" in dockerfile
    users = re.findall(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert users
    assert users[-1] not in {"root", "0"}
    assert "gunicorn config.wsgi:application" in dockerfile.split("\nCMD ")[-1]


def test_it_keeps_local_state_and_secrets_out_of_the_image():
    ignored = (REPO_ROOT / ".dockerignore").read_text().split()

    for path in (".git", ".venv", ".env", "var"):
        assert path in ignored


def test_it_passes_the_scale_out_settings_and_keeps_private_files_in_their_own_volume(compose):
    web = compose["services"]["web"]

    assert web["environment"]["MEDIA_STORAGE_URL"] == "${MEDIA_STORAGE_URL:-}"
    assert web["environment"]["DATABASE_REPLICA_URLS"] == "${DATABASE_REPLICA_URLS:-}"
    assert "private-media:/app/var/private-media" in web["volumes"]
    assert "private-media" in compose["volumes"]
