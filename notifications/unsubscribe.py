"""What a one-click unsubscribe link stops: one subscription's emails, or a digest."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone

from .models import DeliveryChoice, DigestFrequency, Subscription
from .tokens import unsubscribe_token_read


@dataclass
class UnsubscribeTarget:
    user: object
    subscription: Subscription | None
    digest_period: str | None

    @property
    def is_active(self) -> bool:
        """Whether there is still something to stop."""
        if self.subscription is not None:
            return self.subscription.delivery != DeliveryChoice.OFF
        if self.digest_period:
            return (
                self.user.digest_frequency == self.digest_period
                or self.user.subscriptions.filter(delivery=self.digest_period).exists()
            )
        return False


def unsubscribe_describe(*, token: str) -> UnsubscribeTarget:
    """Raise signing.BadSignature for a forged or edited token, or one for a deleted account."""
    request = unsubscribe_token_read(token)
    user = get_user_model().objects.filter(pk=request.user_id).first()
    if user is None:
        raise signing.BadSignature("The account no longer exists.")
    subscription = None
    if request.subscription_id is not None:
        # None when the person has unfollowed since: nothing left to stop.
        subscription = (
            Subscription.objects.filter(pk=request.subscription_id, user=user)
            .select_related("cluster", "city", "project")
            .first()
        )
    return UnsubscribeTarget(
        user=user, subscription=subscription, digest_period=request.digest_period
    )


@transaction.atomic
def unsubscribe_apply(*, token: str) -> UnsubscribeTarget:
    target = unsubscribe_describe(token=token)
    if target.subscription is not None:
        # Keep following (in-app notifications stay); only the emails stop.
        target.subscription.delivery = DeliveryChoice.OFF
        target.subscription.save(update_fields=["delivery", "updated_at"])
    elif target.digest_period:
        user = target.user
        if user.digest_frequency == target.digest_period:
            user.digest_frequency = DigestFrequency.OFF
            user.save(update_fields=["digest_frequency"])
        user.subscriptions.filter(delivery=target.digest_period).update(
            delivery=DeliveryChoice.OFF, updated_at=timezone.now()
        )
    return target
