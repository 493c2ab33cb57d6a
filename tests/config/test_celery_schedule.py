"""Every task the beat schedule and the routes name is one a worker runs: a misspelt or moved
task would otherwise only show as "unregistered task" in a worker's log, and never run."""

import pytest
from django.conf import settings

from config.celery import app


@pytest.fixture(scope="module")
def known_tasks():
    app.loader.import_default_modules()  # what a worker imports when it starts
    return set(app.tasks)


@pytest.mark.parametrize("entry", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_each_scheduled_task_is_one_a_worker_knows(known_tasks, entry):
    assert settings.CELERY_BEAT_SCHEDULE[entry]["task"] in known_tasks


@pytest.mark.parametrize("task", sorted(settings.CELERY_TASK_ROUTES))
def test_each_routed_task_is_one_a_worker_knows(known_tasks, task):
    assert task in known_tasks
