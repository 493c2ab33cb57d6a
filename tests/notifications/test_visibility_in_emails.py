"""Emails and digests follow the visibility rule: a published item never names a hidden one.

A withdrawn pilot's update, an inactive cluster's heading and a draft series' title stay out of
what readers receive, like everywhere else (core.visibility).
"""

import pytest
from django.core import mail

from core.models import PublicationStatus
from events.models import RegistrationStatus
from events.notifications import series_session_added_notify
from notifications.models import DigestFrequency, Notification
from tests.factories import (
    ClusterFactory,
    EventFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    RegistrationFactory,
    SubscriptionFactory,
    TrainingSeriesFactory,
    UserFactory,
)

from .digest_helpers import during_week, freeze, run_digest

pytestmark = pytest.mark.django_db
DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}


@pytest.fixture(autouse=True)
def frozen(time_machine):
    freeze(time_machine)


def test_a_digest_leaves_out_the_update_of_a_pilot_withdrawn_since(
    django_capture_on_commit_callbacks,
):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    cluster = ClusterFactory(name="Resilience")
    SubscriptionFactory(user=reader, cluster=cluster)
    open_pilot = ProjectFactory(title="Open pilot", published_at=during_week())
    open_pilot.clusters.add(cluster)
    ProjectUpdateFactory(project=open_pilot, title="Field visit", published_at=during_week(3))
    secret_pilot = ProjectFactory(title="Secret pilot", published_at=during_week())
    secret_pilot.clusters.add(cluster)
    ProjectUpdateFactory(project=secret_pilot, title="Hidden visit", published_at=during_week(3))
    secret_pilot.status = PublicationStatus.DRAFT
    secret_pilot.save()

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert "Open pilot: Field visit" in message.body
    assert "Secret pilot" not in message.body
    assert "Hidden visit" not in message.body


def test_a_digest_files_nothing_under_an_inactive_cluster(django_capture_on_commit_callbacks):
    reader = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    lively = ClusterFactory(name="Lively cluster", order=1)
    dormant = ClusterFactory(name="Dormant cluster", order=2, is_active=False)
    SubscriptionFactory(user=reader, cluster=lively)
    drill = EventFactory(title="Flood drill", published_at=during_week())
    drill.clusters.add(lively, dormant)

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert "Flood drill" in message.body
    assert "Dormant cluster" not in message.body
    assert "Dormant cluster" not in message.alternatives[0][0]


def test_a_new_session_of_a_draft_series_tells_nobody_the_series_title(
    django_capture_on_commit_callbacks,
):
    secret_series = TrainingSeriesFactory(title="Secret series", **DRAFT)
    first = EventFactory(series=secret_series)
    attendee = UserFactory()
    RegistrationFactory(user=attendee, event=first, status=RegistrationStatus.REGISTERED)
    second = EventFactory(series=secret_series, title="Session two")

    with django_capture_on_commit_callbacks(execute=True):
        told = series_session_added_notify(event=second)

    assert told == 0
    assert not Notification.objects.filter(title__contains="Secret series").exists()
    assert not [m for m in mail.outbox if "Secret series" in m.body]


def test_a_new_session_of_a_published_series_is_announced_with_its_title(
    django_capture_on_commit_callbacks,
):
    series = TrainingSeriesFactory(title="Open series")
    first = EventFactory(series=series)
    attendee = UserFactory()
    RegistrationFactory(user=attendee, event=first, status=RegistrationStatus.REGISTERED)
    second = EventFactory(series=series, title="Session two")

    with django_capture_on_commit_callbacks(execute=True):
        told = series_session_added_notify(event=second)

    assert told == 1
    assert Notification.objects.get(recipient=attendee).title == "Open series: Session two"
