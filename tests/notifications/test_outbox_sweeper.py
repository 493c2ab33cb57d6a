import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from notifications.models import DeliveryChoice, OutboxEmail, OutboxState
from notifications.services import notify_content_published, outbox_sweep
from tests.factories import OutboxEmailFactory, ProjectUpdateFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def _age(row, **delta):
    OutboxEmail.objects.filter(pk=row.pk).update(created_at=timezone.now() - dt.timedelta(**delta))


def test_it_keeps_the_email_when_the_broker_is_down_and_the_sweeper_sends_it_later(
    django_capture_on_commit_callbacks,
):
    subscription = SubscriptionFactory(delivery=DeliveryChoice.IMMEDIATE)
    update = ProjectUpdateFactory()
    update.project.clusters.add(subscription.cluster)
    broker_down = mock.patch(
        "notifications.tasks.send_fanout_outbox_batch.delay",
        side_effect=OperationalError("Error 111 connecting to 127.0.0.1:6399. Connection refused."),
    )

    with broker_down, django_capture_on_commit_callbacks(execute=True):
        notify_content_published(obj=update)

    row = OutboxEmail.objects.get()
    assert row.state == OutboxState.PENDING
    assert mail.outbox == []

    _age(row, minutes=10)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_sweep() == 1

    row.refresh_from_db()
    assert row.state == OutboxState.SENT
    assert [message.to for message in mail.outbox] == [[subscription.user.email]]


def test_it_leaves_fresh_pending_rows_to_their_own_task(django_capture_on_commit_callbacks):
    OutboxEmailFactory()

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_sweep() == 0
    assert mail.outbox == []


def test_it_hands_back_a_row_a_dead_worker_left_in_sending(django_capture_on_commit_callbacks):
    row = OutboxEmailFactory(
        state=OutboxState.SENDING, claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    _age(row, hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        outbox_sweep()

    row.refresh_from_db()
    assert row.state == OutboxState.SENT
    assert len(mail.outbox) == 1


def test_it_does_not_touch_a_row_a_live_worker_is_sending(django_capture_on_commit_callbacks):
    row = OutboxEmailFactory(state=OutboxState.SENDING, claimed_at=timezone.now())
    _age(row, hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        outbox_sweep()

    row.refresh_from_db()
    assert row.state == OutboxState.SENDING
    assert mail.outbox == []
