"""Real workers, one per queue, on a real Redis: a registration confirmation goes out at once
while a large digest run keeps the bulk worker busy (the fixtures of
test_integration_celery_worker)."""

import datetime as dt

import pytest
from django.utils import timezone
from redis import Redis

from events.services import registration_register
from notifications.tasks import send_digests
from tests.factories import (
    ClusterFactory,
    EventFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from . import test_integration_celery_worker as outbox_worker_tests
from .test_integration_celery_worker import Worker, received, wait_for

broker = outbox_worker_tests.broker
mail_dir = outbox_worker_tests.mail_dir

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

READERS = 20


@pytest.fixture
def workers(broker, mail_dir, tmp_path):
    started = []

    def start(queues, **options):
        worker = Worker(broker, mail_dir, tmp_path)
        worker.start(queues=queues, **options)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def test_a_registration_confirmation_is_not_kept_waiting_by_a_digest_run(broker, workers, mail_dir):
    cluster = ClusterFactory()
    ResourceFactory(
        title="Heat action plan", published_at=timezone.now() - dt.timedelta(hours=1)
    ).clusters.add(cluster)
    for reader in [UserFactory(digest_frequency="weekly") for _ in range(READERS)]:
        SubscriptionFactory(user=reader, cluster=cluster)
    # Each digest email takes a fifth of a second to send: the run keeps its worker busy for 4 s.
    bulk = workers("bulk", mail_delay=0.2)
    transactional = workers("transactional")

    send_digests.delay("weekly", batch_size=5)
    assert wait_for(lambda: len(list(mail_dir.glob("*.eml"))) >= 1), bulk.log.read_text()
    person = UserFactory()
    registration_register(user=person, event=EventFactory(title="Flood drill"))

    assert wait_for(lambda: received(mail_dir, person.email) == 1, timeout=10), (
        transactional.log.read_text()
    )
    digests_sent = len(list(mail_dir.glob("*.eml"))) - 1
    assert digests_sent < READERS  # the digest run was still going
    assert Redis.from_url(broker.url).llen("bulk") > 0  # with its emails queued behind it
    assert "Flood drill" in next(mail_dir.glob(f"{person.email}--*.eml")).read_text()
    assert wait_for(lambda: len(list(mail_dir.glob("*.eml"))) == READERS + 1, timeout=60), (
        bulk.log.read_text()
    )
