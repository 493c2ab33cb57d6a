"""Retention: old sent email and old read notifications go; everything else stays."""

import datetime as dt

import pytest
from django.conf import settings

from config.celery import app
from notifications.models import Notification, OutboxEmail, OutboxState
from notifications.retention import retention_cleanup
from tests.factories import NotificationFactory, OutboxEmailFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 1, 3, 15, tzinfo=dt.UTC)


def days_ago(days):
    return NOW - dt.timedelta(days=days)


def test_it_deletes_sent_email_older_than_the_retention_period(settings):
    settings.RETENTION_SENT_OUTBOX_DAYS = 30
    old_sent = OutboxEmailFactory(state=OutboxState.SENT, sent_at=days_ago(31))
    recent_sent = OutboxEmailFactory(state=OutboxState.SENT, sent_at=days_ago(29))
    old_pending = OutboxEmailFactory(state=OutboxState.PENDING)
    old_failed = OutboxEmailFactory(state=OutboxState.FAILED)
    OutboxEmail.objects.filter(pk__in=[old_pending.pk, old_failed.pk]).update(
        created_at=days_ago(400)
    )

    result = retention_cleanup(now=NOW)

    assert result.sent_emails_deleted == 1
    remaining = set(OutboxEmail.objects.values_list("pk", flat=True))
    assert remaining == {recent_sent.pk, old_pending.pk, old_failed.pk}
    assert old_sent.pk not in remaining


def test_it_deletes_read_notifications_older_than_the_retention_period(settings):
    settings.RETENTION_READ_NOTIFICATIONS_DAYS = 90
    old_read = NotificationFactory(read_at=days_ago(91))
    recent_read = NotificationFactory(read_at=days_ago(10))
    old_unread = NotificationFactory()
    Notification.objects.filter(pk=old_unread.pk).update(created_at=days_ago(1000))

    result = retention_cleanup(now=NOW)

    assert result.read_notifications_deleted == 1
    remaining = set(Notification.objects.values_list("pk", flat=True))
    assert remaining == {recent_read.pk, old_unread.pk}
    assert old_read.pk not in remaining


def test_it_runs_every_night_from_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["retention-cleanup"]
    app.loader.import_default_modules()

    assert entry["task"] in app.tasks
    result = app.tasks[entry["task"]].apply().get()
    assert result == {"sent_emails_deleted": 0, "read_notifications_deleted": 0}
