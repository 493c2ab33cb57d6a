"""A delivery batch is claimed and read in two queries: per email only the "sent" mark."""

import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications import delivery
from notifications.delivery import outbox_deliver
from notifications.models import OutboxEmail, OutboxState
from tests.factories import OutboxEmailFactory

pytestmark = pytest.mark.django_db


def _queries_to_deliver(count):
    rows = OutboxEmailFactory.create_batch(count)
    with CaptureQueriesContext(connection) as queries:
        result = outbox_deliver(outbox_ids=[row.pk for row in rows])
    assert len(result.sent) == count
    return len(queries)


def test_it_costs_one_query_per_email_on_top_of_two_for_the_batch():
    three = _queries_to_deliver(3)
    nine = _queries_to_deliver(9)

    # On PostgreSQL the batch also turns the flush wait off and on again (notifications.delivery).
    per_batch = 4 if connection.vendor == "postgresql" else 2
    assert nine - three == 6
    assert three == per_batch + 3
    assert len(mail.outbox) == 12


def test_it_skips_a_row_another_worker_claimed_and_sends_the_rest():
    first, taken, last = OutboxEmailFactory.create_batch(3)
    OutboxEmail.objects.filter(pk=taken.pk).update(state=OutboxState.SENDING)

    result = outbox_deliver(outbox_ids=[first.pk, taken.pk, last.pk])

    assert result.sent == [first.pk, last.pk]
    assert result.skipped == [taken.pk]
    assert sorted(message.subject for message in mail.outbox) == sorted(
        [first.subject, last.subject]
    )


def test_a_lost_connection_hands_the_unsent_rest_back_without_counting_an_attempt(monkeypatch):
    first, second, third = OutboxEmailFactory.create_batch(3)
    real_message = delivery._message

    def connection_drops_on_the_second(row, connection):
        if row.pk == second.pk:
            raise smtplib.SMTPServerDisconnected("gone")
        return real_message(row, connection)

    monkeypatch.setattr(delivery, "_message", connection_drops_on_the_second)
    result = outbox_deliver(outbox_ids=[first.pk, second.pk, third.pk])

    assert result.sent == [first.pk]
    assert result.retry == [second.pk, third.pk]
    states = dict(OutboxEmail.objects.values_list("pk", "state"))
    assert states == {
        first.pk: OutboxState.SENT,
        second.pk: OutboxState.PENDING,
        third.pk: OutboxState.PENDING,
    }
    assert OutboxEmail.objects.get(pk=second.pk).attempts == 1
    assert OutboxEmail.objects.get(pk=third.pk).attempts == 0
