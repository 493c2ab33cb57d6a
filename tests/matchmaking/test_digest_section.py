"""A city official's weekly digest has a "New matches for your city" section."""

import pytest
from django.core import mail

from matchmaking.models import CityMatch
from notifications.models import DigestFrequency
from tests.factories import SubscriptionFactory, UserFactory
from tests.notifications.digest_helpers import during_week, freeze, run_digest


@pytest.fixture
def matched(world, time_machine):
    freeze(time_machine)
    world.refresh()
    CityMatch.objects.filter(city=world.tripoli).update(first_seen_at=during_week())
    world.official.digest_frequency = DigestFrequency.WEEKLY
    world.official.save()
    SubscriptionFactory(user=world.official, city=world.tripoli, cluster=None)
    return world


def test_the_officials_digest_lists_the_new_matches_with_their_reasons(
    matched, django_capture_on_commit_callbacks
):
    summary = run_digest(django_capture_on_commit_callbacks)

    assert summary.sent == 1
    [message] = mail.outbox
    assert message.to == [matched.official.email]
    body = message.body
    assert "== New matches for your city ==" in body
    assert "Shenzhen · Peer cities" in body
    assert "Shenzhen offers early warning systems, which Tripoli needs" in body
    assert "/cities/shenzhen/" in body
    html = message.alternatives[0][0]
    assert "New matches for your city" in html


def test_matches_made_before_the_digests_week_are_not_new(
    matched, django_capture_on_commit_callbacks
):
    CityMatch.objects.filter(city=matched.tripoli).update(first_seen_at=during_week(-10))

    summary = run_digest(django_capture_on_commit_callbacks)

    assert summary.sent == 0
    assert mail.outbox == []


def test_a_reader_who_is_no_official_of_the_city_gets_no_matches(
    matched, django_capture_on_commit_callbacks
):
    follower = UserFactory(digest_frequency=DigestFrequency.WEEKLY, city=matched.tripoli)
    SubscriptionFactory(user=follower, city=matched.tripoli, cluster=None)

    run_digest(django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[matched.official.email]]
