"""Each "sent" mark is committed without waiting for the disk, and only while a batch is sent."""

import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection, transaction

from notifications.delivery import outbox_deliver
from notifications.models import OutboxEmail, OutboxState
from tests.factories import OutboxEmailFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


class RecordingBackend(LocmemBackend):
    """Notes the connection's synchronous_commit while each message is sent."""

    seen: list[str] = []
    error: Exception | None = None

    def send_messages(self, messages):
        type(self).seen.append(synchronous_commit())
        if type(self).error:
            raise type(self).error
        return super().send_messages(messages)


@pytest.fixture
def backend(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RecordingBackend"
    RecordingBackend.seen = []
    RecordingBackend.error = None
    return RecordingBackend


def test_it_marks_a_batch_sent_without_waiting_for_the_disk_and_then_waits_again(backend):
    rows = OutboxEmailFactory.create_batch(3)

    result = outbox_deliver(outbox_ids=[row.pk for row in rows])

    assert len(result.sent) == 3
    assert backend.seen == ["off", "off", "off"]
    assert synchronous_commit() == "on"  # the next task on this connection commits as usual
    assert set(OutboxEmail.objects.values_list("state", flat=True)) == {OutboxState.SENT}


def test_it_waits_for_the_disk_again_after_a_refused_email(backend):
    row = OutboxEmailFactory()
    backend.error = smtplib.SMTPRecipientsRefused({row.to_email: (550, b"No such user")})

    result = outbox_deliver(outbox_ids=[row.pk])

    assert result.failed == [row.pk]
    assert synchronous_commit() == "on"
    assert OutboxEmail.objects.get().state == OutboxState.FAILED


def test_it_leaves_an_enclosing_transaction_as_it_is(backend):
    row = OutboxEmailFactory()

    with transaction.atomic():
        result = outbox_deliver(outbox_ids=[row.pk])
        assert synchronous_commit() == "on"

    assert result.sent == [row.pk]
    assert backend.seen == ["on"]
