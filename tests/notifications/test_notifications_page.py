import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications.context_processors import unread_notifications
from notifications.models import Notification
from tests.factories import NotificationFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_it_needs_a_login(client):
    response = client.get(reverse("notifications:list"))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_lists_only_my_notifications(client, reader):
    NotificationFactory(recipient=reader, title="Drill report published")
    NotificationFactory(title="Someone else's news")

    response = client.get(reverse("notifications:list"))

    assert b"Drill report published" in response.content
    assert b"Someone else" not in response.content


def test_it_marks_one_read(client, reader):
    mine = NotificationFactory(recipient=reader)
    other = NotificationFactory(recipient=reader)

    response = client.post(reverse("notifications:read", args=[mine.pk]))

    assert response.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.read_at is not None
    assert other.read_at is None


def test_it_cannot_mark_someone_elses_notification(client, reader):
    theirs = NotificationFactory()

    client.post(reverse("notifications:read", args=[theirs.pk]))

    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_it_marks_all_read(client, reader):
    NotificationFactory.create_batch(3, recipient=reader)

    client.post(reverse("notifications:read-all"))

    assert not Notification.objects.unread().filter(recipient=reader).exists()


def test_it_refuses_to_mark_read_with_a_get(client, reader):
    notification = NotificationFactory(recipient=reader)

    assert client.get(reverse("notifications:read", args=[notification.pk])).status_code == 405


def test_it_shows_the_unread_count_in_the_bell(rf, reader):
    from django.template.loader import render_to_string

    NotificationFactory.create_batch(3, recipient=reader)
    request = rf.get("/")
    request.user = reader

    html = render_to_string(
        "includes/notification_bell.html", unread_notifications(request), request
    )

    assert "Notifications: 3 unread" in html
    assert reverse("notifications:list") in html


def test_it_counts_with_one_query_and_none_for_visitors(rf, reader):
    from django.contrib.auth.models import AnonymousUser

    NotificationFactory.create_batch(2, recipient=reader)
    request = rf.get("/")
    request.user = reader
    with CaptureQueriesContext(connection) as queries:
        count = unread_notifications(request)["unread_notification_count"]
        assert int(str(count)) == 2
        assert int(str(count)) == 2
    assert len(queries) == 1

    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        assert unread_notifications(request)["unread_notification_count"] == 0
    assert len(queries) == 0


def test_an_empty_page_asks_a_reader_who_follows_nothing_to_follow_something(client, reader):
    html = client.get(reverse("notifications:list")).content.decode()

    assert "Follow a cluster, a city or a pilot to hear about what is new." in html


def test_an_empty_page_tells_a_follower_what_will_show_here_not_to_follow(client, reader):
    SubscriptionFactory(user=reader)

    html = client.get(reverse("notifications:list")).content.decode()

    assert "Follow a cluster, a city or a pilot" not in html
    assert "When a cluster, city or pilot you follow has news" in html
    assert 'href="/accounts/profile/#profile-following"' in html
