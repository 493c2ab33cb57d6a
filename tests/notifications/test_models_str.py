import datetime as dt

import pytest

from notifications.models import DigestPeriod, OutboxState
from tests.factories import (
    CityFactory,
    DigestFactory,
    OutboxEmailFactory,
    SubscriptionFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_describes_who_follows_what():
    subscription = SubscriptionFactory(
        user=UserFactory(name="Nadia Karam"),
        cluster=None,
        city=CityFactory(name="Shenzhen", country="CN"),
    )

    assert str(subscription) == "Nadia Karam follows Shenzhen, China"


@pytest.mark.django_db
def test_it_describes_a_digest_and_a_queued_email():
    user = UserFactory(name="Li Wei", email="li.wei@x.org")
    digest = DigestFactory(user=user, period=DigestPeriod.DAILY, period_start=dt.date(2026, 1, 5))
    email = OutboxEmailFactory(recipient=user, subject="Your daily digest")

    assert str(digest) == "Daily digest for Li Wei from 2026-01-05"
    assert str(email) == f"Your daily digest to li.wei@x.org ({OutboxState.PENDING.label})"
