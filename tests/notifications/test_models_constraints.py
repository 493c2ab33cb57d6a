import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.models import Digest, DigestPeriod, OutboxEmail, OutboxState, Subscription
from tests.factories import (
    CityFactory,
    ClusterFactory,
    DigestFactory,
    OutboxEmailFactory,
    ProjectFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_refuses_a_subscription_that_follows_nothing():
    user = UserFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(user=user)


@pytest.mark.django_db
def test_it_refuses_a_subscription_that_follows_two_things_at_once():
    user, cluster, city = UserFactory(), ClusterFactory(), CityFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(user=user, cluster=cluster, city=city)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "make_target"),
    [("cluster", ClusterFactory), ("city", CityFactory), ("project", ProjectFactory)],
)
def test_it_refuses_following_the_same_thing_twice(target, make_target):
    user, followed = UserFactory(), make_target()
    Subscription.objects.create(user=user, **{target: followed})

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(user=user, **{target: followed})


@pytest.mark.django_db
def test_it_lets_a_person_follow_a_cluster_a_city_and_a_pilot():
    user = UserFactory()
    Subscription.objects.create(user=user, cluster=ClusterFactory())
    Subscription.objects.create(user=user, city=CityFactory())
    Subscription.objects.create(user=user, project=ProjectFactory())

    assert user.subscriptions.count() == 3


@pytest.mark.django_db
def test_it_lets_two_people_follow_the_same_cluster():
    cluster = ClusterFactory()
    Subscription.objects.create(user=UserFactory(), cluster=cluster)
    Subscription.objects.create(user=UserFactory(), cluster=cluster)

    assert cluster.followers.count() == 2


@pytest.mark.django_db
def test_it_refuses_a_second_digest_for_the_same_person_and_period():
    digest = DigestFactory(period=DigestPeriod.WEEKLY, period_start=dt.date(2026, 11, 23))

    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(
            user=digest.user, period=DigestPeriod.WEEKLY, period_start=dt.date(2026, 11, 23)
        )


@pytest.mark.django_db
def test_it_keeps_daily_and_weekly_digests_apart():
    digest = DigestFactory(period=DigestPeriod.WEEKLY, period_start=dt.date(2026, 11, 23))
    Digest.objects.create(
        user=digest.user, period=DigestPeriod.DAILY, period_start=dt.date(2026, 11, 23)
    )

    assert digest.user.digests.count() == 2


@pytest.mark.django_db
def test_it_refuses_queueing_two_emails_with_the_same_idempotency_key():
    email = OutboxEmailFactory(idempotency_key="digest:weekly:7:2026-11-23")

    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxEmail.objects.create(
            idempotency_key="digest:weekly:7:2026-11-23",
            to_email=email.to_email,
            subject="Again",
            text_body="Again.",
        )


@pytest.mark.django_db
def test_it_refuses_an_email_marked_sent_without_a_send_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxEmailFactory(state=OutboxState.SENT, sent_at=None)


@pytest.mark.django_db
def test_it_accepts_an_email_marked_sent_with_its_send_time():
    email = OutboxEmailFactory(state=OutboxState.SENT, sent_at=timezone.now())

    assert OutboxEmail.objects.get(pk=email.pk).state == OutboxState.SENT
