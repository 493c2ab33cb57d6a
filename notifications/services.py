"""Writes of the notifications app: the public entry points other apps call.

Following: `subscription_follow(*, user, target)`, `subscription_unfollow(*, user, target)`.

Telling people (call inside the transaction that makes the change; rows are written in it and
delivery is enqueued with transaction.on_commit, so a rollback sends nothing and a broker outage
loses nothing; the sweeper picks up what was not enqueued):

- `notify_content_published(*, obj)`: a Project, ProjectUpdate, Event or Resource was published.
  Followers of its clusters, cities and pilot get one in-app notification each (deduplicated);
  those whose matching subscription says "immediately" also get an email; digest readers see it
  in their next digest. Call it once per publication.
- `notify_series_session_added(*, event)`: a new session in a training series; people registered
  for the series' other sessions are told.
- `notify_registration_changed(*, registration, change)`: change is "confirmed", "waitlisted",
  "promoted" or "reminder"; the registrant is told and emailed (once per change). Confirmed,
  promoted and reminder emails carry the event's .ics (the event page's download, same UID).
- `notify_collaboration_request_changed(*, request, change, actor, message_id=None)`: change is
  "message" or the new status; the other side of the request is told.
- `notify_person(*, user, key, verb, title, body="", path="")`: one person, once per key (a
  decision on their role request).
- `notify_reviewers_new_request(*, request)`: UN staff reviewers are told of a new request.
- `event_reminders_send(*, now=None)`: 24-hour reminders (run hourly by beat; never repeats).
- `digest_run_enqueue(*, period, period_start)`: daily or weekly digests, one Celery task per
  batch of readers (`digest_batch_send`); `digest_build_and_send(*, period, period_start,
  dry_run=False)` builds the same batches in this process.
- `outbox_sweep()`: re-enqueue outbox emails nobody is delivering.
- `notification_mark_read(*, user, notification_id)`, `notifications_mark_all_read(*, user)`.
- `unsubscribe_apply(*, token)`: what the one-click unsubscribe link does.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from cities.models import City
from clusters.models import Cluster
from projects.models import Project

from . import digests, fanout
from .delivery import outbox_sweep  # noqa: F401 (public entry point)
from .models import Notification, Subscription
from .unsubscribe import unsubscribe_apply  # noqa: F401 (public entry point)

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


def notify_content_published(*, obj) -> int:
    """Tell the followers of a published item; returns how many people were told."""
    return fanout.content_published_notify(obj=obj)


def notify_series_session_added(*, event) -> int:
    return fanout.series_session_added_notify(event=event)


def notify_registration_changed(*, registration, change: str) -> int:
    return fanout.registration_changed_notify(registration=registration, change=change)


def notify_collaboration_request_changed(
    *, request, change: str, actor, message_id: int | None = None
) -> int:
    return fanout.collaboration_request_changed_notify(
        request=request, change=change, actor=actor, message_id=message_id
    )


def notify_person(*, user, key: str, verb: str, title: str, body: str = "", path: str = "") -> int:
    """Tell one person about something that concerns only them (a decision on their request).

    `key` identifies the news: told once per key, whoever calls again.
    """
    return fanout.deliver_to_users(
        users=get_user_model().objects.filter(pk=user.pk),
        key=key,
        verb=verb,
        title=title,
        body=body,
        path=path,
        skip_already_told=True,
    )


def notify_reviewers_new_request(*, request) -> int:
    return fanout.reviewers_new_request_notify(request=request)


def event_reminders_send(*, now=None) -> int:
    return fanout.event_reminders_send(now=now)


def digest_build_and_send(*, period: str, period_start, dry_run: bool = False, on_batch=None):
    return digests.digest_build_and_send(
        period=period, period_start=period_start, dry_run=dry_run, on_batch=on_batch
    )


def digest_run_enqueue(*, period: str, period_start, batch_size: int | None = None) -> int:
    return digests.digest_run_enqueue(
        period=period,
        period_start=period_start,
        batch_size=batch_size or digests.DIGEST_BATCH_SIZE,
    )


def digest_batch_send(*, period: str, period_start, user_ids, now):
    return digests.digest_batch_send(
        period=period, period_start=period_start, user_ids=user_ids, now=now
    )


def notification_mark_read(*, user, notification_id: int) -> bool:
    updated = Notification.objects.filter(
        pk=notification_id, recipient=user, read_at__isnull=True
    ).update(read_at=timezone.now())
    return updated == 1


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notifications_purge_read(*, older_than) -> int:
    """Delete read notifications older than `older_than` (a datetime); unread ones stay."""
    deleted, _by_model = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=older_than
    ).delete()
    return deleted
