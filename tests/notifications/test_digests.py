import datetime as dt

import pytest
from django.core import mail
from django.test.signals import template_rendered

from notifications.models import DeliveryChoice, Digest, DigestFrequency, OutboxEmail
from resources.models import ResourceKind
from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import RUN_AT, during_week, freeze, run_digest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(time_machine):
    freeze(time_machine)


def test_it_lists_an_item_in_two_followed_clusters_once(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    water, resilience = ClusterFactory(name="Water"), ClusterFactory(name="Resilience")
    SubscriptionFactory(user=reader, cluster=water)
    SubscriptionFactory(user=reader, cluster=resilience)
    guide = ResourceFactory(title="Flood guide", published_at=during_week())
    guide.clusters.add(water, resilience)

    summary = run_digest(django_capture_on_commit_callbacks)

    assert summary.sent == 1
    [message] = mail.outbox
    assert message.body.count("Flood guide") == 1
    assert message.to == [reader.email]
    assert Digest.objects.get(user=reader).item_count == 1


def test_it_groups_by_cluster_then_kind(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    first, second = ClusterFactory(name="Alpha", order=1), ClusterFactory(name="Beta", order=2)
    SubscriptionFactory(user=reader, cluster=first)
    SubscriptionFactory(user=reader, cluster=second)
    news = ResourceFactory(title="Visit news", kind=ResourceKind.NEWS, published_at=during_week())
    news.clusters.add(second)
    event = EventFactory(title="Drill", published_at=during_week())
    event.clusters.add(second)
    pilot = ProjectFactory(title="Sister pilot", published_at=during_week())
    pilot.clusters.add(first)
    ProjectUpdateFactory(project=pilot, title="Launch", published_at=during_week(3))

    run_digest(django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    order = [
        body.index(text)
        for text in ("== Alpha", "Pilots", "Sister pilot: Launch", "== Beta", "Events", "Drill")
    ]
    assert order == sorted(order)
    assert body.index("Drill") < body.index("News") < body.index("Visit news")


def test_it_sends_nothing_when_nothing_is_new(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    subscription = SubscriptionFactory(user=reader)
    old = ResourceFactory(published_at=during_week(-10))
    old.clusters.add(subscription.cluster)

    summary = run_digest(django_capture_on_commit_callbacks)

    assert summary.nothing_new == 1
    assert mail.outbox == []
    assert not OutboxEmail.objects.exists()
    assert not Digest.objects.exists()


def test_it_sends_one_email_when_run_twice(django_capture_on_commit_callbacks):
    subscription = SubscriptionFactory(user=UserFactory(digest_frequency="weekly"))
    ResourceFactory(published_at=during_week()).clusters.add(subscription.cluster)

    run_digest(django_capture_on_commit_callbacks)
    second = run_digest(django_capture_on_commit_callbacks)

    assert second.already_sent == 1
    assert len(mail.outbox) == 1
    assert Digest.objects.count() == 1


def test_it_only_reports_what_is_new_since_the_last_digest(django_capture_on_commit_callbacks):
    subscription = SubscriptionFactory(user=UserFactory(digest_frequency="daily"))
    cluster = subscription.cluster
    ResourceFactory(
        title="Already told", published_at=RUN_AT - dt.timedelta(hours=30)
    ).clusters.add(cluster)
    run_digest(
        django_capture_on_commit_callbacks, period="daily", period_start=dt.date(2031, 3, 15)
    )
    yesterdays_run = RUN_AT - dt.timedelta(hours=20)
    Digest.objects.update(created_at=yesterdays_run, covered_until=yesterdays_run)
    ResourceFactory(title="Fresh", published_at=RUN_AT - dt.timedelta(hours=2)).clusters.add(
        cluster
    )

    run_digest(
        django_capture_on_commit_callbacks, period="daily", period_start=dt.date(2031, 3, 16)
    )

    assert "Already told" in mail.outbox[0].body
    assert "Fresh" in mail.outbox[1].body
    assert "Already told" not in mail.outbox[1].body


def test_it_tells_next_time_what_was_published_while_the_previous_digest_was_written(
    django_capture_on_commit_callbacks,
):
    subscription = SubscriptionFactory(user=UserFactory(digest_frequency="daily"))
    cluster = subscription.cluster
    cut_off = RUN_AT - dt.timedelta(days=1)
    ResourceFactory(title="Before the cut-off", published_at=cut_off).clusters.add(cluster)
    run_digest(
        django_capture_on_commit_callbacks,
        period="daily",
        period_start=dt.date(2031, 3, 15),
        now=cut_off,
    )
    # A large run writes its last readers' rows minutes after its cut-off.
    Digest.objects.update(created_at=cut_off + dt.timedelta(minutes=10))
    ResourceFactory(
        title="During the write", published_at=cut_off + dt.timedelta(minutes=5)
    ).clusters.add(cluster)

    run_digest(
        django_capture_on_commit_callbacks, period="daily", period_start=dt.date(2031, 3, 16)
    )

    assert "Before the cut-off" in mail.outbox[0].body
    assert "During the write" in mail.outbox[1].body
    assert "Before the cut-off" not in mail.outbox[1].body
    assert Digest.objects.latest("period_start").covered_until == RUN_AT


def test_it_follows_each_subscriptions_own_choice(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.OFF)
    weekly = SubscriptionFactory(user=reader, delivery=DeliveryChoice.WEEKLY)
    daily = SubscriptionFactory(user=reader, delivery=DeliveryChoice.DAILY)
    ResourceFactory(title="Weekly thing", published_at=during_week()).clusters.add(weekly.cluster)
    ResourceFactory(title="Daily thing", published_at=during_week()).clusters.add(daily.cluster)

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert "Weekly thing" in message.body
    assert "Daily thing" not in message.body


def test_it_lists_upcoming_events_in_the_readers_time_zone(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency="weekly", time_zone="Asia/Beirut")
    city = CityFactory()
    SubscriptionFactory(user=reader, cluster=None, city=city)
    ResourceFactory(published_at=during_week()).cities.add(city)
    EventFactory(
        title="Training day",
        city=city,
        published_at=during_week(-30),
        starts_at=dt.datetime(2031, 3, 20, 7, 0, tzinfo=dt.UTC),
    )

    run_digest(django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    # The zone named by its city and offset, as the reader knows it, not by its database key.
    assert "Upcoming events (Beirut, \u2066UTC+" in body
    # 07:00 UTC is 09:00 in Beirut in March.
    assert "9 a.m.: Training day" in body or "09:00: Training day" in body


def test_it_unsubscribes_from_the_digest_with_its_own_link(
    django_capture_on_commit_callbacks, client
):
    reader = UserFactory(digest_frequency="weekly")
    subscription = SubscriptionFactory(user=reader)
    ResourceFactory(published_at=during_week()).clusters.add(subscription.cluster)

    run_digest(django_capture_on_commit_callbacks)

    link = mail.outbox[0].extra_headers["List-Unsubscribe"][1:-1]
    client.post(link.split("localhost:8000", 1)[1])
    reader.refresh_from_db()
    assert reader.digest_frequency == DigestFrequency.OFF


def test_it_renders_a_digest_shared_by_readers_once_and_gives_each_their_own_link(
    django_capture_on_commit_callbacks,
):
    cluster = ClusterFactory(name="Water")
    readers = UserFactory.create_batch(3, digest_frequency=DigestFrequency.WEEKLY)
    for reader in readers:
        SubscriptionFactory(user=reader, cluster=cluster)
    ResourceFactory(title="Flood guide", published_at=during_week()).clusters.add(cluster)
    rendered = []

    def count(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(count)
    try:
        run_digest(django_capture_on_commit_callbacks)
    finally:
        template_rendered.disconnect(count)

    assert rendered.count("notifications/email/digest.txt") == 1
    assert rendered.count("notifications/email/digest.html") == 1
    links = [message.extra_headers["List-Unsubscribe"][1:-1] for message in mail.outbox]
    assert len(set(links)) == 3
    for message, link in zip(mail.outbox, links, strict=True):
        assert message.body.endswith(f"Unsubscribe: {link}\n")
        assert f'href="{link}"' in message.alternatives[0][0]
        assert "unsubscribe.invalid" not in message.body + message.alternatives[0][0]
