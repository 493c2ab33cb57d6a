"""Writes of the notifications app: the public entry points other apps call.

Following: `subscription_follow(*, user, target)`, `subscription_unfollow(*, user, target)`;
a target is anything an app registered as followable (notifications.registry).

Telling people (call inside the transaction that makes the change; rows are written in it and
delivery is enqueued with transaction.on_commit, so a rollback sends nothing and a broker outage
loses nothing; the sweeper picks up what was not enqueued):

- `notify_content_published(*, obj)`: an object of a registered content source was published.
  Followers of its clusters, cities and pilot get one in-app notification each (deduplicated);
  those whose matching subscription says "immediately" also get an email; digest readers see it
  in their next digest. Call it once per publication.
- `notify_people(*, users, key, verb, title, ...)`: tell the people of a user queryset about
  something that concerns them (a registration, a collaboration request), in-app and by email,
  once per key. The app that knows what happened builds the message (events.notifications,
  projects.notifications) and registers its verb's label.
- `notify_person(*, user, key, verb, title, body="", path="")`: the same for one person (a
  decision on their role request).
- `digest_build_and_send(*, period, period_start, dry_run=False)`: daily or weekly digests, built
  in this process (the send_digests command); beat queues them as Celery tasks (notifications.run).
- `outbox_sweep()`: re-enqueue outbox emails nobody is delivering.
- `notification_mark_read(*, user, notification_id)`, `notifications_mark_all_read(*, user)`.
- `unsubscribe_apply(*, token)`: what the one-click unsubscribe link does.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import fanout
from .models import Notification, Subscription
from .outbox import (
    FANOUT,
    TRANSACTIONAL,
    outbox_sweep,  # noqa: F401 (public entry point)
)
from .registry import followable_field
from .run import digest_build_and_send  # noqa: F401 (public entry point)
from .selectors import reader_state_forget
from .unsubscribe import unsubscribe_apply  # noqa: F401 (public entry point)


def subscription_follow(*, user, target) -> Subscription:
    """Follow a cluster, city or project; following twice keeps the one subscription."""
    field = followable_field(target)
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
    field = followable_field(target)
    Subscription.objects.filter(user=user, **{field: target}).delete()


def notify_content_published(*, obj) -> int:
    """Tell the followers of a published item; returns how many people were told."""
    return fanout.content_published_notify(obj=obj)


def notify_people(
    *,
    users,
    key: str,
    verb: str,
    title: str,
    body: str = "",
    path: str = "",
    reason: str = "",
    starts_at=None,
    attachments=(),
    to_many: bool = False,
) -> int:
    """Tell every active user of the `users` queryset, in-app and by email; returns how many.

    `key` identifies the news: a person is told once per key, however often it is called (a
    retried caller, an hourly job whose windows overlap). `verb` is the notification's kind; its
    label is what the apps register (registry.verb_labels_register). `path` is the page to open.
    `reason` picks the email's "why you get this" line (notifications/email/reason.txt:
    "registered", "request", "reviewer"); `starts_at` adds a "Starts ..." line in the reader's
    time zone. `attachments` are text files sent with every email:
    [{"filename": ..., "mimetype": ..., "content": ...}] (see OutboxEmail.attachments), or a
    function giving that list for one user (a file in each reader's language).
    `to_many` sends the emails through the fan-out queue (reminders, news to many people) rather
    than the transactional one (what one person waits for).
    """
    return fanout.deliver_to_users(
        users=users,
        key=key,
        verb=verb,
        title=title,
        body=body,
        path=path,
        email_context={"reason": reason, "starts_at": starts_at},
        skip_already_told=True,
        attachments=attachments,
        urgency=FANOUT if to_many else TRANSACTIONAL,
    )


def notify_person(*, user, key: str, verb: str, title: str, body: str = "", path: str = "") -> int:
    """Tell one person about something that concerns only them (a decision on their request).

    `key` identifies the news: told once per key, whoever calls again.
    """
    return notify_people(
        users=get_user_model().objects.filter(pk=user.pk),
        key=key,
        verb=verb,
        title=title,
        body=body,
        path=path,
    )


def notification_mark_read(*, user, notification_id: int) -> bool:
    updated = Notification.objects.filter(
        pk=notification_id, recipient=user, read_at__isnull=True
    ).update(read_at=timezone.now())
    reader_state_forget(user_ids=[user.pk])  # update() sends no post_save
    return updated == 1


def notifications_mark_all_read(*, user) -> int:
    updated = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    reader_state_forget(user_ids=[user.pk])  # update() sends no post_save
    return updated
