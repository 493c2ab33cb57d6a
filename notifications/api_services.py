"""Writes behind the notifications API."""

from django.utils import timezone

from .models import Notification
from .selectors import reader_state_forget


def notification_mark_read(*, notification: Notification, read: bool = True) -> Notification:
    if read and notification.read_at is None:
        notification.read_at = timezone.now()
    elif not read:
        notification.read_at = None
    notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user) -> int:
    updated = Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
    reader_state_forget(user_ids=[user.pk])  # update() sends no post_save
    return updated
