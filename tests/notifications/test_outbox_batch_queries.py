"""A delivery batch reads its rows in one query: per email only the claim and the "sent" mark."""

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


def test_it_costs_two_queries_per_email_on_top_of_one_for_the_batch():
    three = _queries_to_deliver(3)
    nine = _queries_to_deliver(9)

    assert nine - three == 2 * 6
    assert three == 1 + 2 * 3
    assert len(mail.outbox) == 12


def test_it_still_sends_a_row_the_sweeper_freed_after_the_batch_was_read(monkeypatch):
    first, second = OutboxEmailFactory.create_batch(2)
    second.state = OutboxState.SENDING
    second.save()
    real_claim = delivery.outbox_claim

    def sweeper_frees_the_second_row_meanwhile(*, outbox_id):
        OutboxEmail.objects.filter(pk=second.pk).update(state=OutboxState.PENDING)
        return real_claim(outbox_id=outbox_id)

    monkeypatch.setattr(delivery, "outbox_claim", sweeper_frees_the_second_row_meanwhile)
    result = outbox_deliver(outbox_ids=[first.pk, second.pk])

    assert result.sent == [first.pk, second.pk]
    assert sorted(message.subject for message in mail.outbox) == sorted(
        [first.subject, second.subject]
    )
