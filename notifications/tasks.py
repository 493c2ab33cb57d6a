"""Celery tasks: thin wrappers that call a service. Routing and schedules live in settings."""

import datetime as dt

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError
from django.utils import timezone

from . import delivery, services
from .digests import digest_period_start


def _deliver_outbox_batch(task, outbox_ids):
    """Send a batch of outbox rows over one SMTP connection; retry only what failed transiently."""
    result = delivery.outbox_deliver(outbox_ids=outbox_ids)
    if result.retry and task.request.retries < task.max_retries:
        raise task.retry(args=[result.retry], countdown=delivery.retry_delay(task.request.retries))
    # Out of retries: the rows stay pending (or failed after MAX_ATTEMPTS) and the sweeper decides.
    return {"sent": len(result.sent), "failed": len(result.failed), "retry": len(result.retry)}


# One task per kind of email, so each has a queue of its own (CELERY_TASK_ROUTES): a digest run
# for 100k readers must not stand between a person and their registration confirmation.
@shared_task(bind=True, max_retries=10, acks_late=True)
def send_outbox_batch(self, outbox_ids):
    """Transactional email: registrations, decisions on requests, messages to one person."""
    return _deliver_outbox_batch(self, outbox_ids)


@shared_task(bind=True, max_retries=10, acks_late=True)
def send_fanout_outbox_batch(self, outbox_ids):
    """Followers told about new content, series sessions, event reminders."""
    return _deliver_outbox_batch(self, outbox_ids)


@shared_task(bind=True, max_retries=10, acks_late=True)
def send_bulk_outbox_batch(self, outbox_ids):
    """Digests."""
    return _deliver_outbox_batch(self, outbox_ids)


@shared_task
def sweep_outbox():
    return services.outbox_sweep()


@shared_task
def send_digests(period, batch_size=None):
    """Queue this period's digest as one task per batch of readers (see notifications.digests)."""
    period_start = digest_period_start(period=period, today=timezone.now().date())
    batches = services.digest_run_enqueue(
        period=period, period_start=period_start, batch_size=batch_size
    )
    return {"batches": batches}


# A batch that hit the time limit or lost the database wrote whole chunks or nothing; running it
# again skips the readers it recorded. Giving up would leave the rest without this period's digest.
@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(SoftTimeLimitExceeded, DatabaseError),
    max_retries=5,
    retry_backoff=30,
)
def send_digest_batch(self, period, period_start, user_ids, now):
    summary = services.digest_batch_send(
        period=period,
        period_start=dt.date.fromisoformat(period_start),
        user_ids=user_ids,
        now=dt.datetime.fromisoformat(now),
    )
    return {"readers": summary.readers, "sent": summary.sent}


@shared_task
def send_event_reminders():
    return services.event_reminders_send()


@shared_task
def purge_read_notifications(days=180):
    return services.notifications_purge_read(older_than=timezone.now() - dt.timedelta(days=days))
