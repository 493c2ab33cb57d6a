"""Data retention: copies of sent email and read notifications are kept only so long.

Sent outbox rows hold an address and a message body; after RETENTION_SENT_OUTBOX_DAYS they have
served their purpose (retries and duplicate checks happen within hours). A digest keeps its
unique (user, period) row, so deleting its email never lets a digest go out twice. Pending and
failed mail, and unread notifications, are never removed here.
"""

import datetime as dt
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Notification, OutboxEmail, OutboxState


@dataclass(frozen=True)
class RetentionResult:
    sent_emails_deleted: int
    read_notifications_deleted: int


def retention_cleanup(*, now: dt.datetime) -> RetentionResult:
    outbox_cutoff = now - dt.timedelta(days=settings.RETENTION_SENT_OUTBOX_DAYS)
    notification_cutoff = now - dt.timedelta(days=settings.RETENTION_READ_NOTIFICATIONS_DAYS)
    with transaction.atomic():
        emails, _ = OutboxEmail.objects.filter(
            state=OutboxState.SENT, sent_at__lt=outbox_cutoff
        ).delete()
        notifications, _ = Notification.objects.filter(
            read_at__isnull=False, read_at__lt=notification_cutoff
        ).delete()
    return RetentionResult(sent_emails_deleted=emails, read_notifications_deleted=notifications)


@shared_task
def retention_cleanup_task():
    result = retention_cleanup(now=timezone.now())
    return {
        "sent_emails_deleted": result.sent_emails_deleted,
        "read_notifications_deleted": result.read_notifications_deleted,
    }
