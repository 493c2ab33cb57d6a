from django.db import IntegrityError, transaction

from cities.models import City
from clusters.models import Cluster
from projects.models import Project

from .models import Subscription

# The Subscription column that holds each kind of followable target.
TARGET_FIELDS = {Cluster: "cluster", City: "city", Project: "project"}


def subscription_target_field(target) -> str:
    try:
        return TARGET_FIELDS[type(target)]
    except KeyError:
        raise ValueError(f"{type(target).__name__} cannot be followed.") from None


def subscription_follow(*, user, target) -> Subscription:
    """Follow a cluster, city or project; following twice keeps the one subscription."""
    field = subscription_target_field(target)
    try:
        # A double click can race two requests; the unique constraint lets only one row in.
        with transaction.atomic():
            subscription, _created = Subscription.objects.get_or_create(
                user=user, **{field: target}
            )
    except IntegrityError:
        subscription = Subscription.objects.get(user=user, **{field: target})
    return subscription


def subscription_unfollow(*, user, target) -> None:
    """Stop following; unfollowing what one does not follow is not an error."""
    field = subscription_target_field(target)
    Subscription.objects.filter(user=user, **{field: target}).delete()
