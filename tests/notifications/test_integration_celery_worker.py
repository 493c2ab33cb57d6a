"""Real Celery worker, real Redis, real PostgreSQL: what the outbox promises when things break.

Each test owns a throwaway redis-server on a free port (the machine's shared Redis is never
stopped) and starts `celery worker` as a subprocess against the test database. The worker writes
one file per email (tests.notifications.backends.MessageFileBackend), so the tests can count what
each recipient received.
"""

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import _state
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from notifications.models import DeliveryChoice, OutboxEmail, OutboxState
from notifications.services import notify_content_published, outbox_sweep
from tests.db_sessions import other_sessions_end
from tests.factories import ClusterFactory, ProjectUpdateFactory, SubscriptionFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

REPO = Path(settings.BASE_DIR)
CELERY = str(Path(sys.executable).parent / "celery")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout=20.0, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


class ThrowawayRedis:
    def __init__(self, folder: Path):
        self.port = _free_port()
        self.folder = folder
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(self._answers, timeout=10), "redis-server did not start"

    def _answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


class Worker:
    def __init__(self, broker: ThrowawayRedis, mail_dir: Path, log_dir: Path):
        self.broker, self.mail_dir, self.log_dir = broker, mail_dir, log_dir
        self.process = None
        self.log = None

    def start(self, mail_delay=0.0, queues=None):
        database = connection.settings_dict
        # Names the worker's database sessions, so that kill() can see them end.
        self.application_name = f"test-worker-{uuid.uuid4().hex[:8]}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
                f"{database['NAME']}?application_name={self.application_name}"
            ),
            "REDIS_URL": self.broker.url,
            "CELERY_BROKER_URL": self.broker.url,
            # Close the connection after each task so the test can flush and drop its database.
            "CONN_MAX_AGE": "0",
            "TEST_MAIL_DIR": str(self.mail_dir),
            "TEST_MAIL_DELAY": str(mail_delay),
        }
        self.log = self.log_dir / f"worker-{uuid.uuid4().hex[:8]}.log"
        self.process = subprocess.Popen(
            [
                CELERY,
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "-Q",
                queues or ",".join(settings.CELERY_TASK_QUEUES),
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
                "-n",
                f"test-{uuid.uuid4().hex[:8]}@%h",
                "--loglevel=INFO",
            ],
            cwd=REPO,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        assert wait_for(lambda: "ready." in self.log.read_text(), timeout=30), self.log.read_text()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        # Its sessions end now, not when PostgreSQL next reads from them (tests.db_sessions).
        assert other_sessions_end(application_name=self.application_name), (
            f"sessions of {self.application_name} still open"
        )

    def stop(self):
        # A warm shutdown waits on the broker; these tests have nothing left to finish.
        if self.process and self.process.poll() is None:
            self.kill()


def point_publisher_at(url: str):
    """Make this process publish to `url`, with no connection kept from before."""
    celery_app.conf.broker_url = url
    celery_app.close()
    # close() keeps the producer pool, whose connections still point at the old broker.
    celery_app.amqp._producer_pool = None
    # ...and forgets the app: a module imported later (a task module no test imported yet) would
    # then register its @shared_task nowhere.
    _state._register_app(celery_app)


@pytest.fixture
def broker(tmp_path):
    redis = ThrowawayRedis(tmp_path)
    redis.start()
    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    # This process publishes to the throwaway broker, for real.
    celery_app.conf.task_always_eager = False
    point_publisher_at(redis.url)
    yield redis
    celery_app.conf.task_always_eager = saved[1]
    point_publisher_at(saved[0])
    redis.stop()


@pytest.fixture
def mail_dir(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


@pytest.fixture
def worker(broker, mail_dir, tmp_path):
    running = Worker(broker, mail_dir, tmp_path)
    yield running
    running.stop()


def received(mail_dir: Path, email: str) -> int:
    return len(list(mail_dir.glob(f"{email}--*.eml")))


def _followers(count):
    cluster = ClusterFactory()
    users = [UserFactory() for _ in range(count)]
    for user in users:
        SubscriptionFactory(user=user, cluster=cluster, delivery=DeliveryChoice.IMMEDIATE)
    update = ProjectUpdateFactory(title="Evacuation drill in Tripoli")
    update.project.clusters.add(cluster)
    return users, update


def test_it_delivers_a_published_update_through_a_real_worker(worker, mail_dir):
    worker.start()
    [user], update = _followers(1)

    notify_content_published(obj=update)

    assert wait_for(lambda: received(mail_dir, user.email) == 1), worker.log.read_text()
    # The file is written a moment before the row is marked sent.
    assert wait_for(lambda: OutboxEmail.objects.get().state == OutboxState.SENT)
    message = next(mail_dir.glob("*.eml")).read_text()
    assert "Evacuation drill in Tripoli" in message
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message


def test_it_loses_nothing_when_redis_is_down_at_publish_time(broker, worker, mail_dir):
    [user], update = _followers(1)
    broker.stop()

    notify_content_published(obj=update)  # the publishing request still succeeds

    row = OutboxEmail.objects.get()
    assert row.state == OutboxState.PENDING

    broker.start()
    point_publisher_at(broker.url)  # drop the dead connections this process still holds
    worker.start()
    time.sleep(1)
    assert received(mail_dir, user.email) == 0  # nobody knew about it: only the sweeper does

    assert outbox_sweep(pending_for=dt.timedelta(0)) == 1

    assert wait_for(lambda: received(mail_dir, user.email) == 1), worker.log.read_text()
    # The file is written a moment before the row is marked sent.
    assert wait_for(lambda: OutboxEmail.objects.get(pk=row.pk).state == OutboxState.SENT)


def test_it_sends_everyone_exactly_one_email_when_the_worker_dies_mid_batch(worker, mail_dir):
    users, update = _followers(12)
    worker.start(mail_delay=0.2)

    notify_content_published(obj=update)
    assert wait_for(lambda: len(list(mail_dir.glob("*.eml"))) >= 3), worker.log.read_text()
    time.sleep(0.05)  # past the bookkeeping of the last email, into the next send
    worker.kill()

    states = list(OutboxEmail.objects.values_list("state", flat=True))
    assert states.count(OutboxState.SENT) < len(users)
    assert OutboxState.SENDING in states  # the email the worker was sending when it died

    # The sweeper runs every two minutes; a test cannot wait for its timeouts. It runs before the
    # new worker starts, so that no batch the new worker has just claimed is taken for the dead one's.
    outbox_sweep(pending_for=dt.timedelta(0), sending_for=dt.timedelta(0))
    worker.start()

    assert wait_for(
        lambda: OutboxEmail.objects.filter(state=OutboxState.SENT).count() == len(users)
    ), worker.log.read_text()
    assert {user.email: received(mail_dir, user.email) for user in users} == {
        user.email: 1 for user in users
    }
