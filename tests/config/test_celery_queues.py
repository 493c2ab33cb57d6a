"""Celery queues by urgency: every task has its queue in the one routing table in settings, each
kind of email goes to its own queue, and the Makefile and docker-compose.yml start a worker per
queue and exactly one beat."""

import importlib
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from config.celery import app
from notifications.outbox import BULK, DELIVERY_TASKS, FANOUT, TRANSACTIONAL

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {
    "config",
    "core",
    "accounts",
    "cities",
    "clusters",
    "projects",
    "events",
    "notifications",
    "resources",
    "matchmaking",
    "opportunities",
    "portal",
}


def project_tasks() -> set[str]:
    """Every task the project defines, registered: each module declaring one is imported (what the
    worker's autodiscovery does, without depending on what earlier tests imported)."""
    for path in REPO_ROOT.glob("*/**/*.py"):
        relative = path.relative_to(REPO_ROOT)
        if relative.parts[0] in PACKAGES and "@shared_task" in path.read_text():
            importlib.import_module(".".join(relative.with_suffix("").parts))
    return {name for name in app.tasks if name.startswith(tuple(f"{p}." for p in PACKAGES))}


def queue_of(task_name: str) -> str:
    return app.amqp.router.route({}, task_name)["queue"].name


def test_every_task_has_a_queue_in_the_routing_table():
    assert project_tasks() == set(settings.CELERY_TASK_ROUTES)


def test_every_route_names_a_task_that_exists():
    # A task renamed without its route would silently fall back to the default queue.
    assert set(settings.CELERY_TASK_ROUTES) <= project_tasks()


def test_every_route_goes_to_a_declared_queue():
    queues = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert queues == set(settings.CELERY_TASK_QUEUES)
    assert settings.CELERY_TASK_DEFAULT_QUEUE in settings.CELERY_TASK_QUEUES


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("notifications.tasks.send_outbox_batch", "transactional"),
        ("accounts.tasks.send_account_email", "transactional"),
        ("notifications.tasks.send_fanout_outbox_batch", "notifications"),
        ("notifications.tasks.send_digest_batch", "bulk"),
        ("notifications.tasks.send_bulk_outbox_batch", "bulk"),
    ],
)
def test_it_routes_each_kind_of_work_by_urgency(task_name, queue):
    assert queue_of(task_name) == queue


def test_each_kind_of_email_is_delivered_by_a_task_on_its_own_queue():
    queues = {
        urgency: queue_of(DELIVERY_TASKS[urgency].name) for urgency in (TRANSACTIONAL, FANOUT, BULK)
    }
    assert queues == {TRANSACTIONAL: "transactional", FANOUT: "notifications", BULK: "bulk"}


def make_dry_run(*args: str) -> str:
    return subprocess.run(
        ["make", "--no-print-directory", "-n", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_make_worker_consumes_every_queue_unless_told_which():
    assert f"-Q {','.join(settings.CELERY_TASK_QUEUES)}" in make_dry_run("worker")
    assert "-Q transactional " in make_dry_run("worker", "QUEUES=transactional")


def test_compose_starts_a_worker_per_queue_and_one_beat():
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
    workers = {
        name: service
        for name, service in compose["services"].items()
        if "celery -A config worker" in str(service.get("command"))
    }
    consumed = [str(service["command"]).split("-Q ")[1].split()[0] for service in workers.values()]
    assert sorted(consumed) == sorted(settings.CELERY_TASK_QUEUES)
    beats = [
        service
        for service in compose["services"].values()
        if "celery -A config beat" in str(service.get("command"))
    ]
    assert len(beats) == 1
    # Scaling the beat service up would start a second one.
    assert beats[0].get("deploy", {}).get("replicas", 1) == 1


@pytest.mark.parametrize("script", ["soak/run.py", "bench/run.py"])
def test_the_soak_and_bench_workers_consume_every_queue(script):
    assert f'"{",".join(settings.CELERY_TASK_QUEUES)}"' in (REPO_ROOT / script).read_text()
