"""A digest run: readers in batches, each batch built, recorded and queued on its own.

A run is cut into bounded pieces so that neither the time of one piece nor the memory it needs
grows with the number of readers: readers are walked in keyset batches of user ids
(notifications.readers), and each batch is built on its own. `digest_run_enqueue` queues one
Celery task per batch (what beat runs); `digest_build_and_send` builds the same batches in this
process (the management command).

A batch costs a fixed number of queries: the batch's subscriptions, its previous digests, the
period's content (a few per content source, notifications.content) and the cluster headings, then
the bulk inserts of each write chunk (DIGEST_WRITE_CHUNK readers). What goes in each reader's
digest is notifications.compose; its email is notifications.render.

A Digest row is unique per (user, period, period_start) and written in the same transaction as its
outbox row, so a rerun, or a batch task redelivered after its worker died, sends nothing twice. A
reader with nothing new gets no email and no row.

The two Celery tasks are defined here, beside the code that queues them; notifications.tasks
lists them for Celery under the names the settings use.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, transaction
from django.utils import timezone

from .compose import PeriodContent, SectionContent, digest_compose
from .emails import recipient_language
from .models import Digest, DigestPeriod, OutboxEmail
from .outbox import BULK, outbox_create, outbox_enqueue, outbox_row
from .readers import digest_reader_batches, digest_readers, digest_readers_due
from .render import DigestMarkup

# Readers per batch (one Celery task): the period's content is fetched once per batch.
DIGEST_BATCH_SIZE = 1000
# Digests rendered and written per transaction: bounds the memory a batch holds (a weekly digest
# is tens of kB) and lets a batch killed half-way keep what it committed.
DIGEST_WRITE_CHUNK = 100
# The period's content of the run this process last built a batch of, by the batches' `since`.
# Every batch of a run has the run's `now`, so the content it tells about is the same, and a pool
# process builds many batches of one run: fetching it again for each was 6 % of a digest's time.
# It is keyed by the run, not by `now`: a new run fetches afresh whatever its `now`, so an item
# published since the last run is never missed. Only one run is kept, with a few `since`s:
# {(run id, since, now): PeriodContent}.
_run_content: dict = {}
RUN_CONTENT_SINCES = 4


@dataclass
class DigestRunSummary:
    period: str
    period_start: dt.date
    readers: int = 0
    sent: int = 0
    nothing_new: int = 0
    already_sent: int = 0
    dry_run: bool = False

    def add(self, other: "DigestRunSummary") -> None:
        self.readers += other.readers
        self.sent += other.sent
        self.nothing_new += other.nothing_new
        self.already_sent += other.already_sent


def digest_period_start(*, period: str, today: dt.date) -> dt.date:
    """The first day a run on `today` covers: yesterday, or the Monday of last week."""
    if period == DigestPeriod.DAILY:
        return today - dt.timedelta(days=1)
    if period == DigestPeriod.WEEKLY:
        return today - dt.timedelta(days=today.weekday() + 7)
    raise ValueError(f"Unknown digest period {period!r}.")


def digest_run_enqueue(
    *, period: str, period_start: dt.date, now=None, batch_size: int = DIGEST_BATCH_SIZE
) -> int:
    """Queue one task per batch of readers; returns how many batches were queued.

    Every batch gets the same `now` and run id, so one run tells every reader about the same
    items and a process fetches them once for the batches of the run it builds.
    """
    now = now or timezone.now()
    run_id = uuid.uuid4().hex
    batches = 0
    for user_ids in digest_reader_batches(period=period, batch_size=batch_size):
        transaction.on_commit(
            lambda user_ids=user_ids: send_digest_batch.delay(
                period, period_start.isoformat(), user_ids, now.isoformat(), run_id
            )
        )
        batches += 1
    return batches


def digest_build_and_send(
    *,
    period: str,
    period_start: dt.date,
    dry_run: bool = False,
    batch_size: int = DIGEST_BATCH_SIZE,
    on_batch=None,
    now=None,
) -> DigestRunSummary:
    """Build every reader's digest in this process, batch after batch."""
    now = now or timezone.now()
    run_id = uuid.uuid4().hex
    summary = DigestRunSummary(period=period, period_start=period_start, dry_run=dry_run)
    for user_ids in digest_reader_batches(period=period, batch_size=batch_size):
        summary.add(
            digest_batch_send(
                period=period,
                period_start=period_start,
                user_ids=user_ids,
                now=now,
                dry_run=dry_run,
                run_id=run_id,
            )
        )
        if on_batch:
            on_batch(len(user_ids))
    return summary


def digest_batch_send(
    *,
    period,
    period_start,
    user_ids,
    now,
    dry_run=False,
    write_chunk=DIGEST_WRITE_CHUNK,
    run_id=None,
) -> DigestRunSummary:
    """Build, record and queue the digests of these readers; safe to run again.

    With the `run_id` of the run the batch belongs to, the period's content is fetched once per
    run in this process; without, once for this batch."""
    summary = DigestRunSummary(period=period, period_start=period_start, dry_run=dry_run)
    readers = digest_readers(period=period, user_ids=user_ids)
    summary.readers = len(readers)
    pending, summary.already_sent = digest_readers_due(
        readers=readers, period=period, period_start=period_start
    )
    if not pending:
        return summary

    content = _period_content(run_id=run_id, since=min(reader.since for reader in pending), now=now)
    sections = SectionContent.fetch(readers=pending, now=now)
    markup = DigestMarkup()
    for start in range(0, len(pending), write_chunk):
        rows, digests = [], []
        for reader in pending[start : start + write_chunk]:
            composed = digest_compose(reader=reader, content=content, sections=sections)
            if composed is None:
                summary.nothing_new += 1
                continue
            user = reader.user
            rendered = markup.email(
                user=user,
                period=period,
                since=reader.since,
                composed=composed,
                unsubscribe_url=markup.unsubscribe_url(
                    user_id=user.pk, period=period, language=recipient_language(user)
                ),
            )
            key = f"digest:{period}:{period_start.isoformat()}:{user.pk}"
            rows.append(outbox_row(key=key, user=user, rendered=rendered))
            digests.append((user.pk, key, composed.item_count))
        summary.sent += len(rows)
        if not dry_run and rows:
            _record(period=period, period_start=period_start, now=now, rows=rows, digests=digests)
    return summary


def _period_content(*, run_id, since, now) -> PeriodContent:
    if run_id is None:
        return PeriodContent.fetch(since=since, now=now)
    key = (run_id, since, now)
    if key not in _run_content:
        if len(_run_content) >= RUN_CONTENT_SINCES or any(
            kept_run != run_id for kept_run, _since, _now in _run_content
        ):
            _run_content.clear()
        _run_content[key] = PeriodContent.fetch(since=since, now=now)
    return _run_content[key]


def _record(*, period, period_start, now, rows, digests) -> None:
    """Write a chunk's outbox rows and Digest rows together; queue delivery once committed."""
    with transaction.atomic():
        outbox_enqueue(outbox_ids=outbox_create(rows=rows), urgency=BULK)
        outbox_ids = dict(
            OutboxEmail.objects.filter(
                idempotency_key__in=[key for _u, key, _n in digests]
            ).values_list("idempotency_key", "pk")
        )
        Digest.objects.bulk_create(
            [
                Digest(
                    user_id=user_id,
                    period=period,
                    period_start=period_start,
                    item_count=count,
                    covered_until=now,
                    outbox_email_id=outbox_ids.get(key),
                )
                for user_id, key, count in digests
            ],
            ignore_conflicts=True,
        )


# Named after notifications.tasks, where Celery finds them: the beat schedule in settings, and
# messages already queued, use these names.
@shared_task(name="notifications.tasks.send_digests")
def send_digests(period, batch_size=None):
    """Queue this period's digest as one task per batch of readers."""
    period_start = digest_period_start(period=period, today=timezone.now().date())
    batches = digest_run_enqueue(
        period=period, period_start=period_start, batch_size=batch_size or DIGEST_BATCH_SIZE
    )
    return {"batches": batches}


# A batch that hit the time limit or lost the database wrote whole chunks or nothing; running it
# again skips the readers it recorded. Giving up would leave the rest without this period's digest.
@shared_task(
    name="notifications.tasks.send_digest_batch",
    bind=True,
    acks_late=True,
    autoretry_for=(SoftTimeLimitExceeded, DatabaseError),
    max_retries=5,
    retry_backoff=30,
)
def send_digest_batch(self, period, period_start, user_ids, now, run_id=None):
    # run_id defaults to None for batches queued before runs had one.
    summary = digest_batch_send(
        period=period,
        period_start=dt.date.fromisoformat(period_start),
        user_ids=user_ids,
        now=dt.datetime.fromisoformat(now),
        run_id=run_id,
    )
    return {"readers": summary.readers, "sent": summary.sent}
