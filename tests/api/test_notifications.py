"""People read and mark only their own notifications."""

import pytest

from notifications.models import Notification
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_lists_only_one_s_own_notifications_and_filters_unread(cast):
    NotificationFactory(recipient=UserFactory())
    unread = NotificationFactory(recipient=cast.plain)
    NotificationFactory(recipient=cast.plain, read_at="2030-01-01T00:00:00Z")
    client = cast.client_for("plain")

    everything = client.get("/api/v1/notifications/").json()
    only_unread = client.get("/api/v1/notifications/?unread=true").json()

    assert everything["count"] == 2
    assert [item["id"] for item in only_unread["results"]] == [unread.pk]
    assert cast.client_for("anonymous").get("/api/v1/notifications/").status_code == 401


def test_it_marks_one_read_by_patch_or_post_and_all_read_at_once(cast):
    first, second, _third = NotificationFactory.create_batch(3, recipient=cast.plain)
    client = cast.client_for("plain")

    patched = client.patch(f"/api/v1/notifications/{first.pk}/", {"is_read": True}, format="json")
    posted = client.post(f"/api/v1/notifications/{second.pk}/read/")

    assert patched.json()["is_read"] is True
    assert posted.json()["is_read"] is True
    assert client.post("/api/v1/notifications/read-all/").json() == {"marked": 1}
    assert not Notification.objects.filter(recipient=cast.plain).unread().exists()


def test_it_does_not_let_anyone_mark_someone_else_s_notification(cast):
    theirs = NotificationFactory(recipient=UserFactory())
    client = cast.client_for("staff")

    assert client.post(f"/api/v1/notifications/{theirs.pk}/read/").status_code == 404
    assert client.patch(f"/api/v1/notifications/{theirs.pk}/", {"is_read": True}).status_code == 404
    client.post("/api/v1/notifications/read-all/")
    theirs.refresh_from_db()
    assert theirs.read_at is None
