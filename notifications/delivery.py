"""Delivery of outbox rows: claim a batch, send it over one SMTP connection, record the outcome.

Delivery is at-least-once towards the worker and once towards the mail server as far as the
database can tell: a worker claims its batch with one conditional UPDATE (pending -> sending)
before it sends, so a task that runs twice (retry, redelivery after a crash, the sweeper) finds
the row already claimed or sent and skips it. A worker killed between claim and send leaves the
row in "sending"; the sweeper (notifications.outbox) hands it back after SENDING_TIMEOUT.

On PostgreSQL a batch's bookkeeping (claim, "sent" marks, releases) is committed without
waiting for the WAL flush (`synchronous_commit = off` on the connection while the batch is
sent). Each mark is still committed, and seen by every other worker, at once; only a crash of the
database server itself can lose the marks of its last fraction of a second (at most three
`wal_writer_delay`s), and those emails go out again after SENDING_TIMEOUT with the same
Message-ID. Waiting for the flush was a quarter of a digest's delivery time.
"""

import contextlib
import functools
import hashlib
import logging
import random
import smtplib
from dataclasses import dataclass, field
from email.message import Message
from email.policy import Compat32

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import SafeMIMEText
from django.db import connections, router
from django.db.models import F
from django.utils import timezone

from core import sql_names

from .models import OutboxEmail, OutboxState

logger = logging.getLogger(__name__)

# After this many failed attempts a row is marked failed and left for a person to look at.
MAX_ATTEMPTS = 8
# Characters that force a MIME parameter value into quotes (RFC 2045).
TSPECIALS = set('()<>@,;:\\"/[]?= \t')


class _FastFolding(Compat32):
    """The default (compat32) policy, minus its folding machinery where there is nothing to fold.

    Writing a header out builds an email.header.Header and re-splits its value, even for the
    dozen short ASCII headers of every email; that was a third of writing an email out. A value
    that is printable ASCII, fits on its line and has no runs of spaces comes out of that
    machinery unchanged, so it is written as is; anything else goes the usual way.
    """

    def _fold(self, name, value, sanitize):
        if (
            isinstance(value, str)
            and value.isascii()
            and value.isprintable()
            and len(name) + 2 + len(value) <= (self.max_line_length or 78)
            and "  " not in value
            and value == value.strip()
        ):
            return f"{name}: {value}{self.linesep}"
        return super()._fold(name, value, sanitize)


FAST_FOLDING = _FastFolding()


@dataclass
class DeliveryResult:
    sent: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    retry: list = field(default_factory=list)


def outbox_claim_batch(*, outbox_ids) -> dict[int, OutboxEmail]:
    """Take the batch's pending rows for sending in one UPDATE; returns the rows this call took.

    Rows another worker claimed or sent already are left out. The claim time tells this call's
    rows from theirs: two claims of one row cannot both match `state=pending`.
    """
    ids = list(outbox_ids)
    claimed_at = timezone.now()
    claimed = OutboxEmail.objects.filter(pk__in=ids, state=OutboxState.PENDING).update(
        state=OutboxState.SENDING, claimed_at=claimed_at, attempts=F("attempts") + 1
    )
    if not claimed:
        return {}
    return OutboxEmail.objects.filter(state=OutboxState.SENDING, claimed_at=claimed_at).in_bulk(ids)


def is_transient(exc: BaseException) -> bool:
    """Worth retrying later: the server or the network, not the message, was the problem."""
    if isinstance(exc, SoftTimeLimitExceeded):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _msg in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, smtplib.SMTPServerDisconnected | OSError)


def _message_id(row: OutboxEmail) -> str:
    # The same id on every attempt lets receiving servers drop a duplicate.
    digest = hashlib.sha256(row.idempotency_key.encode()).hexdigest()[:32]
    domain = getattr(settings, "EMAIL_MESSAGE_ID_DOMAIN", "cities-clusters.local")
    return f"<{digest}@{domain}>"


def _attachment_part(attachment: dict) -> SafeMIMEText:
    """A text attachment with its full content type.

    Built by hand because EmailMessage.attach() keeps only type/subtype, and calendar apps such
    as Outlook look for the `method` parameter of text/calendar.
    """
    wanted = Message()
    wanted["Content-Type"] = attachment["mimetype"]
    if wanted.get_content_maintype() != "text":
        raise ValueError(f"Outbox attachments are text files, not {attachment['mimetype']!r}.")
    part = SafeMIMEText(attachment["content"], wanted.get_content_subtype(), "utf-8")
    for name, value in wanted.get_params()[1:]:
        if name != "charset":
            # Unquoted where the value allows it ("method=PUBLISH"), as calendar clients expect.
            part.set_param(name, value, requote=bool(TSPECIALS & set(value)))
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part


class _OutboxMessage(EmailMultiAlternatives):
    """An email whose MIME boundary is chosen before it is written out.

    Left unset, the generator picks a random one and then compiles a regular expression to
    scan the whole message for it, every email: a fifth of writing one out. A boundary drawn
    from the row's key (32 hex digits, as unguessable to a body as a random one) that the bodies
    do not contain needs no such scan.
    """

    boundary = None

    def message(self):
        msg = super().message()
        msg.policy = FAST_FOLDING
        if self.boundary and msg.is_multipart():
            msg.set_boundary(self.boundary)
        return msg


def _boundary(row: OutboxEmail) -> str | None:
    token = hashlib.sha256(f"boundary:{row.idempotency_key}".encode()).hexdigest()[:32]
    boundary = f"==========={token}=="
    bodies = (row.text_body, row.html_body, *(a["content"] for a in row.attachments or ()))
    return None if any(token in body for body in bodies) else boundary


def _message(row: OutboxEmail, connection) -> EmailMultiAlternatives:
    headers = {"Message-ID": _message_id(row), **(row.headers or {})}
    message = _OutboxMessage(
        subject=row.subject,
        body=row.text_body,
        to=[row.to_email],
        headers=headers,
        connection=connection,
    )
    if row.html_body:
        message.attach_alternative(row.html_body, "text/html")
    for attachment in row.attachments or ():
        message.attach(_attachment_part(attachment))
    message.boundary = _boundary(row)
    return message


@functools.cache
def _sent_mark_sql() -> str:
    # One statement per email sent (100k for a large digest): compiling the same ORM update
    # each time cost four times what running it did (0.14 against 0.04 ms of CPU).
    state, sent_at, last_error, pk = (
        sql_names.bare_column(OutboxEmail, name)
        for name in ("state", "sent_at", "last_error", "id")
    )
    return (
        f"UPDATE {sql_names.table(OutboxEmail)} SET {state} = %s, {sent_at} = %s, "  # noqa: S608 (names from the model; values go as params)
        f"{last_error} = '' WHERE {pk} = %s AND {state} = %s"
    )


def _mark_sent(pk: int) -> None:
    """Record one email as sent, if this worker's claim on it still holds (committed at once:
    a worker killed later in the batch must not send it again)."""
    connection = connections[router.db_for_write(OutboxEmail)]
    sent_at = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(_sent_mark_sql(), [OutboxState.SENT, sent_at, pk, OutboxState.SENDING])


def _release(pk: int, exc: BaseException, *, transient: bool) -> None:
    error = f"{type(exc).__name__}: {exc}"[:2000]
    claimed = OutboxEmail.objects.filter(pk=pk, state=OutboxState.SENDING)
    if transient:
        claimed.filter(attempts__lt=MAX_ATTEMPTS).update(
            state=OutboxState.PENDING, last_error=error
        )
    # Refused for good, or out of attempts: a person looks at it in the admin.
    claimed.update(state=OutboxState.FAILED, last_error=error)


@contextlib.contextmanager
def _commits_without_flush_wait():
    """The batch's own commits do not wait for the WAL flush (see the module's docstring); the
    connection's setting is restored afterwards, whatever happened, for the worker's next task."""
    database = connections[router.db_for_write(OutboxEmail)]
    if database.vendor != "postgresql":
        yield
        return
    with database.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with database.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def outbox_deliver(*, outbox_ids, connection=None) -> DeliveryResult:
    """Send the given rows over one connection; return what went out and what to retry."""
    result = DeliveryResult()
    ids = list(outbox_ids)
    connection = connection or get_connection()
    try:
        connection.open()
    except Exception as exc:
        if not is_transient(exc):
            raise
        logger.warning("Mail server unreachable (%s); %d emails will be retried.", exc, len(ids))
        result.retry = ids
        return result
    # The batch is claimed in one UPDATE and read in one query; the "sent" mark stays per email,
    # so a worker that dies mid-batch leaves only the email it was sending in doubt (the rest
    # are still "sending", never sent, and the sweeper hands them back).
    with _commits_without_flush_wait():
        _send_claimed(ids, connection, result)
    return result


def _send_claimed(ids, connection, result: DeliveryResult) -> None:
    rows = outbox_claim_batch(outbox_ids=ids)
    try:
        for index, pk in enumerate(ids):
            row = rows.pop(pk, None)
            if row is None:
                result.skipped.append(pk)
                continue
            try:
                _message(row, connection).send()
            except Exception as exc:
                transient = is_transient(exc)
                _release(pk, exc, transient=transient)
                if not transient:
                    logger.error("Outbox email %s refused for good: %s", pk, exc)
                    result.failed.append(pk)
                    continue
                # The connection is likely gone: the rest of the batch goes back for a retry,
                # unclaimed and without counting an attempt it did not make.
                OutboxEmail.objects.filter(pk__in=list(rows), state=OutboxState.SENDING).update(
                    state=OutboxState.PENDING, attempts=F("attempts") - 1
                )
                result.retry.extend(ids[index:])
                break
            _mark_sent(pk)
            result.sent.append(pk)
    finally:
        connection.close()


def retry_delay(retries: int) -> float:
    """Exponential backoff with full jitter: 30 s, 1 min, 2 min... capped at an hour."""
    ceiling = min(3600, 30 * (2**retries))
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 (jitter, not a secret)
