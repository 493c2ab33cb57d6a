"""Followers of an opportunity's cluster are reminded of its deadline 7 days and 1 day before,
each stage once, whatever how often the hourly task runs."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from notifications.models import DeliveryChoice, Notification
from opportunities.notifications import deadline_reminders_send
from opportunities.tasks import send_deadline_reminders
from tests.factories import ApplicationFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db


def reminded(user):
    return list(
        Notification.objects.filter(recipient=user, verb="opportunity_deadline")
        .order_by("pk")
        .values_list("title", flat=True)
    )


@pytest.fixture
def follower(cast):
    user = UserFactory(email="follower@example.org")
    SubscriptionFactory(user=user, cluster=cast.cluster)
    return user


def test_followers_are_reminded_seven_days_and_one_day_before_once_each(cast, follower):
    deadline = cast.fellowship.deadline
    runs = [
        deadline - dt.timedelta(days=10),
        deadline - dt.timedelta(days=7),
        deadline - dt.timedelta(days=6, hours=23),  # the next hourly run
        deadline - dt.timedelta(days=3),
        deadline - dt.timedelta(hours=23),
        deadline - dt.timedelta(hours=22),
        deadline - dt.timedelta(minutes=5),
        deadline + dt.timedelta(hours=1),
    ]
    for now in runs:
        deadline_reminders_send(now=now)

    assert reminded(follower) == ["Disaster risk governance fellowship"] * 2
    stages = sorted(cast.fellowship.deadline_reminders.values_list("days_before", flat=True))
    assert stages == [1, 7]


def test_a_moved_deadline_is_reminded_again(cast, follower):
    deadline_reminders_send(now=cast.fellowship.deadline - dt.timedelta(days=6))
    cast.fellowship.deadline += dt.timedelta(days=14)
    cast.fellowship.save()

    deadline_reminders_send(now=cast.fellowship.deadline - dt.timedelta(days=6))

    assert len(reminded(follower)) == 2


def test_people_who_applied_or_chose_no_email_are_not_reminded(cast, follower):
    ApplicationFactory(opportunity=cast.fellowship, applicant=follower)
    quiet = UserFactory()
    SubscriptionFactory(user=quiet, cluster=cast.cluster, delivery=DeliveryChoice.OFF)

    deadline_reminders_send(now=cast.fellowship.deadline - dt.timedelta(days=6))

    assert reminded(follower) == []
    assert reminded(quiet) == []


def test_drafts_and_other_clusters_are_not_reminded(cast, follower):
    from tests.factories import OpportunityFactory

    OpportunityFactory(deadline=cast.fellowship.deadline)  # another cluster
    OpportunityFactory(
        cluster=cast.cluster, deadline=cast.fellowship.deadline, status="draft", published_at=None
    )

    deadline_reminders_send(now=cast.fellowship.deadline - dt.timedelta(days=6))

    assert reminded(follower) == ["Disaster risk governance fellowship"]


def test_the_reminder_links_to_the_opportunity(cast, follower):
    deadline_reminders_send(now=cast.fellowship.deadline - dt.timedelta(days=6))

    assert Notification.objects.get(recipient=follower).url == "/opportunities/drr-fellowship/"


def test_the_task_is_scheduled_hourly_on_the_notifications_queue(cast, follower):
    entry = next(
        value
        for value in settings.CELERY_BEAT_SCHEDULE.values()
        if value["task"] == "opportunities.tasks.send_deadline_reminders"
    )
    assert entry["schedule"].minute == {20}
    assert settings.CELERY_TASK_ROUTES[entry["task"]] == {"queue": "notifications"}
    cast.fellowship.deadline = timezone.now() + dt.timedelta(hours=5)
    cast.fellowship.save()

    assert send_deadline_reminders.delay().get() == 1
    assert send_deadline_reminders.delay().get() == 0
