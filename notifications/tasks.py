"""The app's Celery tasks, where Celery's autodiscovery looks for them.

Each is a thin wrapper defined beside the code that queues it, so that no module imports one that
imports it back: the outbox's in notifications.outbox, the digests' in notifications.run. Their
names (notifications.tasks.<name>) are the ones the routes and beat schedule in settings use.
Data retention's task is in notifications.retention.
"""

from .outbox import (
    send_bulk_outbox_batch,
    send_fanout_outbox_batch,
    send_outbox_batch,
    sweep_outbox,
)
from .run import send_digest_batch, send_digests

__all__ = [
    "send_bulk_outbox_batch",
    "send_digest_batch",
    "send_digests",
    "send_fanout_outbox_batch",
    "send_outbox_batch",
    "sweep_outbox",
]
