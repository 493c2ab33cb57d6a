"""Real Celery worker, real Redis, real PostgreSQL: a digest run that loses its worker half-way.

The fixtures (a throwaway redis-server, a worker writing one file per email) are those of
test_integration_celery_worker.
"""

import datetime as dt
import time

import pytest
from django.utils import timezone

from notifications.models import Digest, OutboxEmail, OutboxState
from notifications.services import outbox_sweep
from notifications.tasks import send_digests
from tests.factories import ClusterFactory, ResourceFactory, SubscriptionFactory, UserFactory

from . import test_integration_celery_worker as outbox_worker_tests
from .test_integration_celery_worker import received, wait_for

# The same fixtures, under the names the tests ask for.
broker = outbox_worker_tests.broker
mail_dir = outbox_worker_tests.mail_dir
worker = outbox_worker_tests.worker

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

READERS = 24


def _weekly_readers(count):
    # The worker runs on the real clock: an item from an hour ago is in this week's digest.
    cluster = ClusterFactory()
    ResourceFactory(
        title="Heat action plan", published_at=timezone.now() - dt.timedelta(hours=1)
    ).clusters.add(cluster)
    users = [UserFactory(digest_frequency="weekly") for _ in range(count)]
    for user in users:
        SubscriptionFactory(user=user, cluster=cluster)
    return users


def test_it_sends_each_reader_one_digest_when_the_worker_dies_mid_run_and_the_run_is_redone(
    worker, mail_dir
):
    users = _weekly_readers(READERS)
    worker.start(mail_delay=0.1)

    send_digests.delay("weekly", batch_size=3)
    assert wait_for(lambda: len(list(mail_dir.glob("*.eml"))) >= 4), worker.log.read_text()
    time.sleep(0.05)  # past the bookkeeping of the last email, into the next send
    worker.kill()
    assert len(list(mail_dir.glob("*.eml"))) < READERS

    # What beat would do next (the run again), and the sweeper for the emails the dead worker held;
    # before the new worker starts, so that no batch it has just claimed is taken for the dead one's.
    send_digests.delay("weekly", batch_size=3)
    outbox_sweep(pending_for=dt.timedelta(0), sending_for=dt.timedelta(0))
    worker.start()

    assert wait_for(
        lambda: OutboxEmail.objects.filter(state=OutboxState.SENT).count() == READERS, timeout=60
    ), worker.log.read_text()
    assert {user.email: received(mail_dir, user.email) for user in users} == {
        user.email: 1 for user in users
    }
    assert Digest.objects.count() == READERS
    message = next(mail_dir.glob("*.eml")).read_text()
    assert "Heat action plan" in message
