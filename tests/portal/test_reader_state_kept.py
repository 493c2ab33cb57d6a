"""A signed-in reader's follows and unread count kept in the shared cache
(notifications.selectors.reader_state, READER_STATE_SECONDS).

A kept page then costs its reader no query at all; each way the state changes must reach the
reader's next page at once: following and unfollowing, a new notification, marking read (one or
all, on the page or through the API), and a notification or follow edited one by one.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import notifications.selectors
from accounts.models import User
from cities.models import City
from clusters.models import Cluster
from core.shared_pages import RENDER_HEADER
from notifications.fanout import deliver_to_users
from notifications.models import Notification, Subscription
from notifications.retention import retention_cleanup
from notifications.selectors import ReaderState, reader_state_forget, reader_state_key
from portal.demo import data
from tests.factories import CityOfficialFactory

pytestmark = pytest.mark.django_db

CLUSTER = "/clusters/disaster-risk-reduction/"


@pytest.fixture(autouse=True)
def _kept_pages_and_reader_state(demo_content, kept_pages):
    kept_pages.READER_STATE_SECONDS = 60


@pytest.fixture
def official_user():
    user = User.objects.get(email=data.CITY_OFFICIAL_EMAIL)
    Subscription.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    return user


@pytest.fixture
def official(official_user):
    client = Client()
    client.force_login(official_user)
    return client


def _page(client, url=CLUSTER) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _bell(html: str) -> int:
    if 'class="notification-count">' not in html:
        return 0
    return int(html.split('class="notification-count">', 1)[1].split("<", 1)[0])


def _follows_the_cluster(html: str) -> bool:
    return "Following ✓" in html


def test_a_kept_page_asks_the_database_nothing_once_its_readers_state_is_kept(official):
    _page(official)  # keeps the body and the reader's state
    with CaptureQueriesContext(connection) as queries:
        response = official.get(CLUSTER)
    assert response[RENDER_HEADER] == "shared"
    # The session and the user come from the cache too (cached_db sessions, core.user_cache).
    reader_state_queries = [
        q["sql"] for q in queries if "notifications_" in q["sql"] or "reader_state" in q["sql"]
    ]
    assert reader_state_queries == []


def test_a_kept_page_reads_its_readers_state_with_its_body(official, official_user, monkeypatch):
    """One cache round trip for both: the state is not asked for on its own."""
    _page(official)
    asked_alone = []

    class Recording:
        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args, **kwargs):
            asked_alone.append(key)
            return cache.get(key, *args, **kwargs)

    monkeypatch.setattr(notifications.selectors, "cache", Recording())

    html = _page(official)

    assert asked_alone == []
    assert "notification-bell" in html


def test_following_and_unfollowing_show_on_the_next_page_at_once(official):
    assert not _follows_the_cluster(_page(official))
    form = {"target_type": "cluster", "slug": "disaster-risk-reduction", "next": CLUSTER}

    official.post("/follow/", form)
    assert _follows_the_cluster(_page(official))

    official.post("/unfollow/", form)
    assert not _follows_the_cluster(_page(official))


def test_a_new_notification_shows_in_the_bell_at_once(official, official_user):
    assert _bell(_page(official)) == 0

    deliver_to_users(
        users=User.objects.filter(pk=official_user.pk),
        key="test-news",
        verb="published",
        title="The Tripoli-Shenzhen pilot has a new report",
        wants_email=lambda user: False,
    )

    assert _bell(_page(official)) == 1


def test_marking_read_on_the_page_and_through_the_api_empties_the_bell_at_once(
    official, official_user
):
    first, second, _third, _fourth = (
        Notification.objects.create(recipient=official_user, verb="published", title=title)
        for title in ("One", "Two", "Three", "Four")
    )
    assert _bell(_page(official)) == 4

    official.post(f"/notifications/{first.pk}/read/")
    assert _bell(_page(official)) == 3

    official.patch(
        f"/api/v1/notifications/{second.pk}/",
        {"is_read": True},
        content_type="application/json",
    )
    assert _bell(_page(official)) == 2

    official.post("/notifications/read-all/")
    assert _bell(_page(official)) == 0

    Notification.objects.create(recipient=official_user, verb="published", title="Five")
    assert _bell(_page(official)) == 1
    official.post("/api/v1/notifications/read-all/")
    assert _bell(_page(official)) == 0


def test_a_follow_or_notification_changed_one_by_one_reaches_the_page(official, official_user):
    """The admin, a cascade or another service saving or deleting rows one at a time."""
    _page(official)
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")

    subscription = Subscription.objects.create(user=official_user, cluster=cluster)
    assert _follows_the_cluster(_page(official))

    notification = Notification.objects.create(
        recipient=official_user, verb="published", title="New"
    )
    assert _bell(_page(official)) == 1

    notification.delete()
    subscription.delete()
    html = _page(official)
    assert _bell(html) == 0
    assert not _follows_the_cluster(html)


def test_one_readers_kept_state_never_reaches_another_of_the_same_audience(official, official_user):
    """Two city officials in one time zone share the kept page; each sees their own state."""
    other_user = CityOfficialFactory(
        city=City.objects.get(slug="beirut"),
        email="beirut@example.org",
        time_zone=official_user.time_zone,
    )
    other = Client()
    other.force_login(other_user)
    Subscription.objects.create(
        user=official_user, cluster=Cluster.objects.get(slug="disaster-risk-reduction")
    )
    Notification.objects.create(recipient=official_user, verb="published", title="Mine")

    mine = _page(official)
    assert _follows_the_cluster(mine) and _bell(mine) == 1
    response = other.get(CLUSTER)
    assert response[RENDER_HEADER] == "shared"
    theirs = response.content.decode()
    assert not _follows_the_cluster(theirs)
    assert _bell(theirs) == 0


def test_a_state_kept_by_a_request_while_a_change_commits_is_forgotten_at_the_commit(
    official_user, django_capture_on_commit_callbacks
):
    key = reader_state_key(official_user.pk)
    with django_capture_on_commit_callbacks(execute=True):
        reader_state_forget(user_ids=[official_user.pk])
        # Another request read the state before the change committed and keeps it now.
        cache.set(key, ReaderState(unread=5), 60)

    assert cache.get(key) is None


def test_retention_deleting_read_notifications_leaves_the_kept_state(official, official_user):
    """Read notifications do not count in the bell: deleting thousands of them forgets nothing."""
    Notification.objects.create(
        recipient=official_user, verb="published", title="Old", read_at="2020-01-01T00:00Z"
    )
    _page(official)
    key = reader_state_key(official_user.pk)
    assert cache.get(key) is not None

    result = retention_cleanup(now=timezone.now())

    assert result.read_notifications_deleted == 1
    assert cache.get(key) is not None
