import pytest
from django.urls import reverse

from notifications.models import DeliveryChoice, DigestFrequency
from notifications.tokens import unsubscribe_token
from tests.factories import SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(**kwargs):
    return reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(**kwargs)})


def test_it_asks_before_unsubscribing_and_needs_no_login(client):
    subscription = SubscriptionFactory(delivery=DeliveryChoice.IMMEDIATE)

    response = client.get(_url(user_id=subscription.user_id, subscription_id=subscription.pk))

    assert response.status_code == 200
    assert subscription.cluster.name in response.content.decode()
    assert b'method="post"' in response.content
    subscription.refresh_from_db()
    assert subscription.delivery == DeliveryChoice.IMMEDIATE


def test_it_stops_a_subscriptions_emails_on_post_but_keeps_following(client):
    subscription = SubscriptionFactory(delivery=DeliveryChoice.IMMEDIATE)

    response = client.post(_url(user_id=subscription.user_id, subscription_id=subscription.pk))

    assert response.status_code == 200
    assert b"no longer get emails" in response.content
    subscription.refresh_from_db()
    assert subscription.delivery == DeliveryChoice.OFF


def test_it_stops_the_weekly_digest(client):
    user = UserFactory(digest_frequency=DigestFrequency.WEEKLY)
    weekly = SubscriptionFactory(user=user, delivery=DeliveryChoice.WEEKLY)
    immediate = SubscriptionFactory(user=user, delivery=DeliveryChoice.IMMEDIATE)

    client.post(_url(user_id=user.pk, digest_period="weekly"))

    user.refresh_from_db()
    weekly.refresh_from_db()
    immediate.refresh_from_db()
    assert user.digest_frequency == DigestFrequency.OFF
    assert weekly.delivery == DeliveryChoice.OFF
    assert immediate.delivery == DeliveryChoice.IMMEDIATE


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_refuses_a_tampered_token_with_a_clear_page(client, method):
    victim = SubscriptionFactory(delivery=DeliveryChoice.IMMEDIATE)
    token = unsubscribe_token(user_id=victim.user_id + 1, subscription_id=victim.pk)
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    response = getattr(client, method)(
        reverse("notifications:unsubscribe", kwargs={"token": forged})
    )

    assert response.status_code == 400
    assert b"This unsubscribe link is not valid" in response.content
    victim.refresh_from_db()
    assert victim.delivery == DeliveryChoice.IMMEDIATE


def test_it_refuses_a_token_signed_for_something_else(client):
    from django.core import signing

    token = signing.dumps({"u": 1, "s": 1})  # right key, wrong salt

    response = client.post(reverse("notifications:unsubscribe", kwargs={"token": token}))

    assert response.status_code == 400
