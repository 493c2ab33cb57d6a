"""A digest run is cut into batches of readers, each a bounded Celery task that can run again."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications import run
from notifications.models import Digest, OutboxEmail
from notifications.readers import digest_subscriptions
from notifications.tasks import send_digest_batch, send_digests
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import RUN_AT, WEEK_START, during_week, freeze

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(time_machine):
    freeze(time_machine)


def _readers(count, city=None):
    """`count` readers, each following a cluster of their own with one new resource in it."""
    readers = {}
    for _ in range(count):
        cluster = ClusterFactory()
        title = f"Guide to {cluster.name}"
        ResourceFactory(title=title, published_at=during_week()).clusters.add(cluster)
        reader = UserFactory(digest_frequency="weekly")
        SubscriptionFactory(user=reader, cluster=cluster)
        if city:
            SubscriptionFactory(user=reader, cluster=None, city=city)
        readers[reader.email] = title
    return readers


def _bodies():
    return {message.to[0]: message.body for message in mail.outbox}


def _run_through_tasks(capture, batch_size):
    with capture(execute=True):
        return send_digests.delay("weekly", batch_size=batch_size).get()


def test_it_builds_each_readers_digest_once_with_their_own_items(
    django_capture_on_commit_callbacks,
):
    city = CityFactory()
    ResourceFactory(title="City plan", published_at=during_week()).cities.add(city)
    readers = _readers(5, city=city)

    result = _run_through_tasks(django_capture_on_commit_callbacks, batch_size=2)

    assert result == {"batches": 3}
    bodies = _bodies()
    assert len(mail.outbox) == 5
    assert set(bodies) == set(readers)
    for email, title in readers.items():
        assert bodies[email].count(title) == 1
        assert bodies[email].count("City plan") == 1
        others = set(readers.values()) - {title}
        assert not any(other + "\n" in bodies[email] for other in others)
    assert sorted(Digest.objects.values_list("item_count", flat=True)) == [2] * 5


def test_it_queues_one_task_per_batch_with_one_cut_off_time(
    django_capture_on_commit_callbacks, monkeypatch
):
    _readers(5)
    queued = []
    monkeypatch.setattr(send_digest_batch, "delay", lambda *args: queued.append(args))

    with django_capture_on_commit_callbacks(execute=True):
        batches = run.digest_run_enqueue(period="weekly", period_start=WEEK_START, batch_size=2)

    assert batches == 3
    assert [len(user_ids) for _p, _s, user_ids, _now, _run in queued] == [2, 2, 1]
    all_ids = [pk for _p, _s, user_ids, _now, _run in queued for pk in user_ids]
    assert all_ids == sorted(all_ids) and len(set(all_ids)) == 5
    assert {(period, start, now) for period, start, _ids, now, _run in queued} == {
        ("weekly", WEEK_START.isoformat(), RUN_AT.isoformat())
    }
    assert len({run_id for *_rest, run_id in queued}) == 1


def test_the_batches_of_one_run_fetch_the_periods_content_once(
    django_capture_on_commit_callbacks, calls_to
):
    readers = _readers(5)
    fetches = calls_to(run.PeriodContent, "fetch")

    with django_capture_on_commit_callbacks(execute=True):
        summary = run.digest_build_and_send(
            period="weekly", period_start=WEEK_START, batch_size=2, now=RUN_AT
        )

    assert summary.sent == 5
    assert len(fetches) == 1
    bodies = _bodies()
    assert all(title in bodies[email] for email, title in readers.items())


def test_a_new_run_at_the_same_time_tells_about_what_was_published_since_the_last_one(
    django_capture_on_commit_callbacks, calls_to
):
    _readers(1)
    fetches = calls_to(run.PeriodContent, "fetch")
    with django_capture_on_commit_callbacks(execute=True):
        run.digest_build_and_send(period="weekly", period_start=WEEK_START, now=RUN_AT)
    late_reader = _readers(1)

    with django_capture_on_commit_callbacks(execute=True):
        summary = run.digest_build_and_send(period="weekly", period_start=WEEK_START, now=RUN_AT)

    assert (summary.sent, summary.already_sent) == (1, 1)
    assert len(fetches) == 2
    [(email, title)] = late_reader.items()
    assert title in _bodies()[email]


def _batch_queries(count):
    emails = _readers(count)
    user_ids = list(
        digest_subscriptions(period="weekly")
        .filter(user__email__in=emails)
        .values_list("user_id", flat=True)
    )
    with CaptureQueriesContext(connection) as queries:
        summary = run.digest_batch_send(
            period="weekly", period_start=WEEK_START, user_ids=user_ids, now=RUN_AT
        )
    assert summary.sent == count
    return len(queries)


def test_it_builds_a_batch_of_thirty_readers_with_the_queries_of_three(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks():
        small = _batch_queries(3)
        OutboxEmail.objects.all().delete()
        Digest.objects.all().delete()
        large = _batch_queries(30)

    assert small == large


def test_it_sends_nothing_when_the_run_is_queued_again(django_capture_on_commit_callbacks):
    _readers(3)
    _run_through_tasks(django_capture_on_commit_callbacks, batch_size=2)
    assert len(mail.outbox) == 3

    _run_through_tasks(django_capture_on_commit_callbacks, batch_size=2)

    assert len(mail.outbox) == 3
    assert OutboxEmail.objects.count() == 3
    assert Digest.objects.count() == 3


def test_it_finishes_a_batch_killed_half_way_without_sending_anyone_two_digests(
    django_capture_on_commit_callbacks, monkeypatch
):
    readers = _readers(5)
    user_ids = list(digest_subscriptions(period="weekly").values_list("user_id", flat=True))
    real_bulk_create = Digest.objects.bulk_create
    calls = []

    def dies_on_the_second_chunk(objs, **kwargs):
        calls.append(len(objs))
        if len(calls) == 2:
            # The time limit strikes after the chunk's outbox rows are in, before its digests.
            raise SoftTimeLimitExceeded()
        return real_bulk_create(objs, **kwargs)

    monkeypatch.setattr(Digest.objects, "bulk_create", dies_on_the_second_chunk)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(SoftTimeLimitExceeded):
        run.digest_batch_send(
            period="weekly", period_start=WEEK_START, user_ids=user_ids, now=RUN_AT, write_chunk=2
        )
    # The first chunk went out whole; nothing of the second one is left behind.
    assert len(mail.outbox) == 2
    assert OutboxEmail.objects.count() == Digest.objects.count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        summary = run.digest_batch_send(
            period="weekly", period_start=WEEK_START, user_ids=user_ids, now=RUN_AT, write_chunk=2
        )

    assert (summary.already_sent, summary.sent) == (2, 3)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(readers)
    assert OutboxEmail.objects.count() == Digest.objects.count() == 5
