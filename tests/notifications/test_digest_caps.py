"""A digest lists the newest few items of each group and says how many more the portal has."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from notifications.compose import (
    DIGEST_ITEM_LIMIT,
    GROUP_ITEM_LIMIT,
    UPCOMING_LIMIT,
)
from notifications.models import Digest, DigestFrequency
from tests.factories import (
    ClusterFactory,
    EventFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import RUN_AT, during_week, freeze, run_digest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(time_machine):
    freeze(time_machine)


def _follow(reader, name):
    cluster = ClusterFactory(name=name)
    SubscriptionFactory(user=reader, cluster=cluster)
    return cluster


def _publish(cluster, count, prefix):
    for hour in range(count):
        resource = ResourceFactory(
            title=f"{prefix} item {hour:02d}",
            published_at=during_week(0) + dt.timedelta(hours=hour),
        )
        resource.clusters.add(cluster)


def _absolute(path):
    return "http://localhost:8000" + path


def test_it_lists_the_newest_of_a_cluster_and_links_to_the_rest(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://localhost:8000"
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    water = _follow(reader, "Water")
    _publish(water, GROUP_ITEM_LIMIT + 2, "Water")

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    body, html = message.body, message.alternatives[0][0]
    newest = [f"Water item {hour:02d}" for hour in range(2, GROUP_ITEM_LIMIT + 2)]
    assert all(title in body and title in html for title in newest)
    assert "Water item 00" not in body
    assert "Water item 01" not in html
    cluster_url = _absolute(water.get_absolute_url())
    assert f"and 2 more on the portal: {cluster_url}" in body
    assert f'<a href="{cluster_url}" style="color:#0b4a8b">and 2 more on the portal</a>' in html
    # Nothing else was left out: no line for the whole email.
    assert "This email lists" not in body
    assert f"{GROUP_ITEM_LIMIT + 2} new items" in message.subject
    assert Digest.objects.get(user=reader).item_count == GROUP_ITEM_LIMIT + 2


def test_it_caps_the_whole_email_and_links_to_the_notifications(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://localhost:8000"
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    clusters = DIGEST_ITEM_LIMIT // GROUP_ITEM_LIMIT + 1
    for number in range(clusters):
        _publish(_follow(reader, f"Cluster {number}"), GROUP_ITEM_LIMIT, f"C{number}")
    total = clusters * GROUP_ITEM_LIMIT

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    body, html = message.body, message.alternatives[0][0]
    assert body.count(" item ") == DIGEST_ITEM_LIMIT
    notifications_url = _absolute(reverse("notifications:list"))
    assert (
        f"This email lists {DIGEST_ITEM_LIMIT} of {total} new items. "
        f"See everything on the portal: {notifications_url}"
    ) in body
    assert f'<a href="{notifications_url}" style="color:#0b4a8b">See everything' in html
    assert Digest.objects.get(user=reader).item_count == total


def test_it_lists_the_soonest_upcoming_events_and_counts_the_rest(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://localhost:8000"
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    water = _follow(reader, "Water")
    _publish(water, 1, "Water")
    for day in range(UPCOMING_LIMIT + 3):
        event = EventFactory(
            title=f"Meeting {day:02d}",
            published_at=during_week(-30),
            starts_at=RUN_AT + dt.timedelta(days=day + 1),
        )
        event.clusters.add(water)

    run_digest(django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    upcoming = body.split("Upcoming events", 1)[1]
    assert all(f"Meeting {day:02d}" in upcoming for day in range(UPCOMING_LIMIT))
    assert f"Meeting {UPCOMING_LIMIT:02d}" not in upcoming
    assert f"and 3 more on the portal: {_absolute(reverse('events:list'))}" in upcoming
    assert Digest.objects.get(user=reader).item_count == 1


def test_a_digest_under_the_caps_has_no_more_line(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    _publish(_follow(reader, "Water"), GROUP_ITEM_LIMIT, "Water")

    run_digest(django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    assert body.count("Water item") == GROUP_ITEM_LIMIT
    assert "more on the portal" not in body
    assert "This email lists" not in body
