"""The outbox: emails written as rows with the change that causes them, queued for delivery.

A row is written in the caller's transaction and handed to a Celery worker once it commits
(`outbox_enqueue`), so a rollback sends nothing and a broker outage loses nothing: the sweeper
(`outbox_sweep`, run by beat) queues again whatever nobody is delivering. The workers' side,
claiming and sending over SMTP, is notifications.delivery.

The two Celery tasks are defined here, beside the code that queues them; notifications.tasks
lists them for Celery under the names the settings use.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from . import delivery
from .emails import RenderedEmail
from .models import OutboxEmail, OutboxState

logger = logging.getLogger(__name__)

# How many rows one task sends over one SMTP connection. 100 rather than 50 saves a tenth of
# delivery's time (fewer connections, claims and tasks) for a 100k-reader digest.
BATCH_SIZE = 100


def _chunks(ids, size):
    chunk = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def outbox_row(*, key: str, user, rendered: RenderedEmail) -> OutboxEmail:
    """An unsaved outbox row for `user`; `key` makes it unique (see outbox_create)."""
    return OutboxEmail(
        idempotency_key=key,
        recipient_id=user.pk,
        to_email=user.email,
        subject=rendered.subject,
        text_body=rendered.text_body,
        html_body=rendered.html_body,
        headers=rendered.headers,
        attachments=rendered.attachments,
    )


def outbox_create(*, rows) -> list[int]:
    """Insert outbox rows; a row whose idempotency key exists already is not queued again.

    Returns the ids of the rows that were new.
    """
    rows = list(rows)
    if not rows:
        return []
    keys = [row.idempotency_key for row in rows]
    existing = set(
        OutboxEmail.objects.filter(idempotency_key__in=keys).values_list(
            "idempotency_key", flat=True
        )
    )
    fresh = [row for row in rows if row.idempotency_key not in existing]
    # ignore_conflicts covers the race with a concurrent writer of the same keys.
    OutboxEmail.objects.bulk_create(fresh, ignore_conflicts=True)
    return list(
        OutboxEmail.objects.filter(
            idempotency_key__in=[row.idempotency_key for row in fresh],
            state=OutboxState.PENDING,
        ).values_list("pk", flat=True)
    )


# How urgent an email is decides which task delivers it, and so its queue (CELERY_TASK_ROUTES in
# settings): a digest run for 100k readers must not stand between a person and their
# registration confirmation.
TRANSACTIONAL, FANOUT, BULK = "transactional", "fanout", "bulk"


def outbox_enqueue(*, outbox_ids, urgency: str = TRANSACTIONAL) -> None:
    """Ask a worker to send these rows once the current transaction commits.

    A broker outage must not undo or break the change that caused the email: the rows are
    committed already, stay pending, and the sweeper enqueues them when the broker is back.
    """
    ids = list(outbox_ids)
    if not ids:
        return

    task = DELIVERY_TASKS[urgency]

    def publish():
        for chunk in _chunks(ids, BATCH_SIZE):
            try:
                task.delay(chunk)
            except (BrokerError, OSError):
                logger.warning(
                    "Broker unreachable; %d outbox emails stay pending for the sweeper.",
                    len(chunk),
                    exc_info=True,
                )
                return

    transaction.on_commit(publish)


def outbox_sweep(*, pending_for=None, sending_for=None) -> int:
    """Re-enqueue what nobody is delivering; returns how many rows were handed to the broker.

    Pending rows older than `pending_for` were written while the broker was down, or their task
    was lost. Rows in "sending" for longer than `sending_for` belong to a worker that died after
    claiming them; they go back to pending.
    """
    now = timezone.now()
    if pending_for is None:
        pending_for = timedelta(
            seconds=getattr(settings, "NOTIFICATIONS_OUTBOX_PENDING_AFTER", 300)
        )
    if sending_for is None:
        sending_for = timedelta(
            seconds=getattr(settings, "NOTIFICATIONS_OUTBOX_SENDING_TIMEOUT", 900)
        )
    OutboxEmail.objects.filter(state=OutboxState.SENDING, claimed_at__lte=now - sending_for).update(
        state=OutboxState.PENDING
    )
    stale = (
        OutboxEmail.objects.filter(state=OutboxState.PENDING, created_at__lte=now - pending_for)
        # A row waiting for its backoff retry is left to it until it has waited long enough.
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lte=now - pending_for))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    count = 0
    for chunk in _chunks(stale.iterator(chunk_size=1000), BATCH_SIZE):
        outbox_enqueue(outbox_ids=chunk)
        count += len(chunk)
    return count


def _deliver_batch(task, outbox_ids):
    """Send a batch of outbox rows over one SMTP connection; retry only what failed transiently."""
    result = delivery.outbox_deliver(outbox_ids=outbox_ids)
    if result.retry and task.request.retries < task.max_retries:
        raise task.retry(args=[result.retry], countdown=delivery.retry_delay(task.request.retries))
    # Out of retries: the rows stay pending (or failed after MAX_ATTEMPTS) and the sweeper decides.
    return {"sent": len(result.sent), "failed": len(result.failed), "retry": len(result.retry)}


# Named after notifications.tasks, where Celery finds them: the routes and beat schedule in
# settings, and messages already queued, use these names. One task per urgency, so each has a
# queue of its own.
@shared_task(
    name="notifications.tasks.send_outbox_batch", bind=True, max_retries=10, acks_late=True
)
def send_outbox_batch(self, outbox_ids):
    """Transactional email: registrations, decisions on requests, messages to one person."""
    return _deliver_batch(self, outbox_ids)


@shared_task(
    name="notifications.tasks.send_fanout_outbox_batch", bind=True, max_retries=10, acks_late=True
)
def send_fanout_outbox_batch(self, outbox_ids):
    """Followers told about new content, series sessions, event reminders."""
    return _deliver_batch(self, outbox_ids)


@shared_task(
    name="notifications.tasks.send_bulk_outbox_batch", bind=True, max_retries=10, acks_late=True
)
def send_bulk_outbox_batch(self, outbox_ids):
    """Digests: large runs, fine to arrive minutes later."""
    return _deliver_batch(self, outbox_ids)


DELIVERY_TASKS = {
    TRANSACTIONAL: send_outbox_batch,
    FANOUT: send_fanout_outbox_batch,
    BULK: send_bulk_outbox_batch,
}


@shared_task(name="notifications.tasks.sweep_outbox")
def sweep_outbox():
    return outbox_sweep()
