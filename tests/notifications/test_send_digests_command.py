from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import Digest, OutboxEmail
from tests.factories import ResourceFactory, SubscriptionFactory, UserFactory

from .digest_helpers import RUN_DAY, during_week, freeze

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(time_machine):
    freeze(time_machine)
    subscription = SubscriptionFactory(user=UserFactory(digest_frequency="weekly"))
    ResourceFactory(published_at=during_week()).clusters.add(subscription.cluster)
    SubscriptionFactory(user=UserFactory(digest_frequency="weekly"))  # nothing new for this one
    return subscription.user


def _call(*args):
    out = StringIO()
    call_command("send_digests", *args, f"--date={RUN_DAY.isoformat()}", stdout=out)
    return out.getvalue()


def test_it_sends_the_weekly_digest_and_sums_up(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = _call("--period", "weekly")

    assert "2 readers" in output
    assert "[" in output and "2/2" in output
    assert "1 digests queued, 1 readers had nothing new" in output
    assert [message.to for message in mail.outbox] == [[reader.email]]


def test_it_sends_and_records_nothing_in_a_dry_run(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = _call("--period", "weekly", "--dry-run")

    assert "1 digests would be sent" in output
    assert mail.outbox == []
    assert not OutboxEmail.objects.exists()
    assert not Digest.objects.exists()
