"""Celery tasks: thin wrappers that call a service. Routing and schedules live in settings."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from . import delivery, services
from .digests import digest_period_start


@shared_task(bind=True, max_retries=10, acks_late=True)
def send_outbox_batch(self, outbox_ids):
    """Send a batch of outbox rows over one SMTP connection; retry only what failed transiently."""
    result = delivery.outbox_deliver(outbox_ids=outbox_ids)
    if result.retry and self.request.retries < self.max_retries:
        raise self.retry(args=[result.retry], countdown=delivery.retry_delay(self.request.retries))
    # Out of retries: the rows stay pending (or failed after MAX_ATTEMPTS) and the sweeper decides.
    return {"sent": len(result.sent), "failed": len(result.failed), "retry": len(result.retry)}


@shared_task
def sweep_outbox():
    return services.outbox_sweep()


@shared_task
def send_digests(period):
    period_start = digest_period_start(period=period, today=timezone.now().date())
    summary = services.digest_build_and_send(period=period, period_start=period_start)
    return {"readers": summary.readers, "sent": summary.sent}


@shared_task
def send_event_reminders():
    return services.event_reminders_send()


@shared_task
def purge_read_notifications(days=180):
    return services.notifications_purge_read(older_than=timezone.now() - dt.timedelta(days=days))
