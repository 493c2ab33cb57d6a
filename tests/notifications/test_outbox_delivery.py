import smtplib

import pytest
from django.core import mail
from django.db import connection

from notifications.delivery import outbox_claim_batch, outbox_deliver
from notifications.models import OutboxEmail, OutboxState
from tests.factories import OutboxEmailFactory

from .backends import CommitSettingBackend, CountingBackend, FailingBackend

pytestmark = pytest.mark.django_db


def test_it_sends_a_row_claimed_twice_only_once():
    row = OutboxEmailFactory()

    first = outbox_deliver(outbox_ids=[row.pk])
    second = outbox_deliver(outbox_ids=[row.pk])

    assert first.sent == [row.pk]
    assert second.skipped == [row.pk]
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.state == OutboxState.SENT
    assert row.sent_at is not None


def test_a_row_sent_on_a_later_attempt_records_when_and_forgets_the_earlier_error(
    time_machine,
):
    time_machine.move_to("2031-03-17 06:30:00+00:00", tick=False)
    row = OutboxEmailFactory(attempts=1, last_error="SMTPServerDisconnected: closed")

    assert outbox_deliver(outbox_ids=[row.pk]).sent == [row.pk]

    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (OutboxState.SENT, 2, "")
    assert row.sent_at.isoformat() == "2031-03-17T06:30:00+00:00"
    assert OutboxEmail.objects.filter(sent_at__gte=row.sent_at).count() == 1


def test_it_lets_only_one_worker_claim_a_row():
    row = OutboxEmailFactory()

    assert list(outbox_claim_batch(outbox_ids=[row.pk])) == [row.pk]
    assert outbox_claim_batch(outbox_ids=[row.pk]) == {}


def test_it_sends_a_batch_over_one_connection(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.CountingBackend"
    CountingBackend.opened = 0
    rows = OutboxEmailFactory.create_batch(5)

    result = outbox_deliver(outbox_ids=[row.pk for row in rows])

    assert len(result.sent) == 5
    assert CountingBackend.opened == 1
    assert len(mail.outbox) == 5


def test_it_puts_a_row_back_for_a_retry_after_a_transient_smtp_error(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.FailingBackend"
    FailingBackend.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    rows = OutboxEmailFactory.create_batch(2)

    result = outbox_deliver(outbox_ids=[row.pk for row in rows])

    assert result.retry == [row.pk for row in rows]
    first = OutboxEmail.objects.get(pk=rows[0].pk)
    assert first.state == OutboxState.PENDING
    assert first.attempts == 1
    assert "SMTPServerDisconnected" in first.last_error


def test_it_gives_up_on_a_row_the_server_refuses_for_good(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.FailingBackend"
    FailingBackend.error = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No such user")})
    row = OutboxEmailFactory()

    result = outbox_deliver(outbox_ids=[row.pk])

    assert result.failed == [row.pk]
    row.refresh_from_db()
    assert row.state == OutboxState.FAILED


def test_it_marks_a_row_failed_after_too_many_attempts(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.FailingBackend"
    FailingBackend.error = smtplib.SMTPResponseException(451, b"Try again later")
    row = OutboxEmailFactory(attempts=7)

    outbox_deliver(outbox_ids=[row.pk])

    row.refresh_from_db()
    assert row.state == OutboxState.FAILED


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.postgres
@pytest.mark.parametrize("error", [None, smtplib.SMTPServerDisconnected("closed")])
def test_a_batch_commits_its_marks_without_waiting_for_the_flush_and_restores_the_setting(
    settings, error
):
    settings.EMAIL_BACKEND = "tests.notifications.backends.CommitSettingBackend"
    CommitSettingBackend.seen, CommitSettingBackend.error = [], error
    rows = OutboxEmailFactory.create_batch(2)
    before = _synchronous_commit()

    result = outbox_deliver(outbox_ids=[row.pk for row in rows])

    assert CommitSettingBackend.seen[0] == "off"
    # The worker's next task (a digest batch, a transactional email) commits as configured.
    assert _synchronous_commit() == before == "on"
    assert len(result.sent if error is None else result.retry) == 2
