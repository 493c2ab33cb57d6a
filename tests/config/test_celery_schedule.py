"""Every task the beat schedule and the routes name is one a worker runs: a misspelt or moved
task would otherwise only show as "unregistered task" in a worker's log, and never run."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
# What a starting worker registers, asked of a fresh process: in this one, tests that point the
# app at a throwaway broker close it, and a task module imported after that is not registered.
WORKER_TASKS = """
import json, django
django.setup()
from config.celery import app
app.loader.import_default_modules()
print(json.dumps(sorted(app.tasks)))
"""


@pytest.fixture(scope="module")
def known_tasks():
    result = subprocess.run(
        [sys.executable, "-c", WORKER_TASKS],
        cwd=REPO_ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("entry", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_each_scheduled_task_is_one_a_worker_knows(known_tasks, entry):
    assert settings.CELERY_BEAT_SCHEDULE[entry]["task"] in known_tasks


@pytest.mark.parametrize("task", sorted(settings.CELERY_TASK_ROUTES))
def test_each_routed_task_is_one_a_worker_knows(known_tasks, task):
    assert task in known_tasks
