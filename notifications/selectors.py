"""Reads of the notifications app."""

from .models import Notification


def notifications_for_user(*, user):
    return Notification.objects.filter(recipient=user).only(
        "pk", "verb", "title", "body", "url", "created_at", "read_at"
    )


def unread_notification_count(*, user) -> int:
    return Notification.objects.unread().filter(recipient=user).count()
