"""Who is told about what: in-app notifications and immediate emails, written in batches.

Recipients are read in keyset batches of user ids, so memory stays flat whatever the number of
people told; each batch is one bulk insert of notifications, one of outbox rows and one delivery
task (one SMTP connection). `deliver_to_users` is the machinery; what to say comes from the
caller (the apps' own notifications modules, through notifications.services.notify_people) or,
for published content, from its content source (`content_published_notify`).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation

from core.i18n import path_in_language

from .content import absolute_url, content_item_for
from .emails import email_render, recipient_language
from .models import DeliveryChoice, Notification, OutboxEmail, Subscription
from .outbox import FANOUT, TRANSACTIONAL, outbox_create, outbox_enqueue, outbox_row
from .registry import verb_label
from .selectors import reader_state_forget
from .tokens import unsubscribe_url

FANOUT_BATCH_SIZE = 500


def in_id_batches(queryset, size=FANOUT_BATCH_SIZE):
    """Yield lists of rows ordered by id, one bounded page at a time (keyset pagination)."""
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _recipients(queryset):
    return queryset.filter(is_active=True).only("id", "email", "preferred_language", "time_zone")


def _texts_by_language(title, body):
    """For a user, the notification's title and body in their language, worked out once per
    language: a lazy text (`notifications.content.in_reader_language`, a choice's label) is
    stored as its recipient reads it, as their email is written, not in the language of whoever
    caused the notification."""
    texts: dict[str, dict] = {}

    def in_language(user) -> dict:
        language = recipient_language(user)
        if language not in texts:
            with translation.override(language):
                texts[language] = {"title": str(title)[:250], "body": str(body)}
        return texts[language]

    return in_language


def deliver_to_users(
    *,
    users,
    key: str,
    verb: str,
    title: str,
    body: str = "",
    path: str = "",
    email_context=None,
    wants_email=lambda user: True,
    unsubscribe=lambda user: "",
    skip_already_told: bool = False,
    attachments=(),
    urgency: str = TRANSACTIONAL,
) -> int:
    """Notify every active user of the queryset in-app, and by email those `wants_email` accepts.

    `key` + the user id is the outbox idempotency key. With `skip_already_told`, users who already
    have that key (a rerun of the same reminder, a retried caller) get nothing new at all.
    `email_context` is added to the notification template's context; `attachments` go with every
    email (see OutboxEmail.attachments), or, when a function, are what it returns for each user
    (a file in the reader's language). `urgency` picks the delivery queue (notifications.outbox):
    transactional for one person's news, fanout for many followers. Returns how many were told.
    """
    told = 0
    # Kept in the default language (no prefix); each page and email moves it into its own.
    path = path_in_language(path, settings.LANGUAGE_CODE)
    for batch in in_id_batches(_recipients(users)):
        if skip_already_told:
            keys = {f"{key}:{user.pk}": user for user in batch}
            done = set(
                OutboxEmail.objects.filter(idempotency_key__in=keys).values_list(
                    "idempotency_key", flat=True
                )
            )
            batch = [user for k, user in keys.items() if k not in done]
        in_language = _texts_by_language(title, body)
        Notification.objects.bulk_create(
            Notification(recipient_id=user.pk, verb=verb, url=path, **in_language(user))
            for user in batch
        )
        # bulk_create sends no post_save: their bells' kept counts are forgotten here.
        reader_state_forget(user_ids=[user.pk for user in batch])
        rows = []
        for user in batch:
            if not wants_email(user):
                continue
            rendered = email_render(
                template="notification",
                user=user,
                context={
                    "verb_label": verb_label(verb),
                    "title": title,
                    "body": body,
                    "url": absolute_url(path, language=recipient_language(user)),
                    **(email_context or {}),
                },
                unsubscribe_url=unsubscribe(user),
                attachments=attachments(user) if callable(attachments) else attachments,
            )
            rows.append(outbox_row(key=f"{key}:{user.pk}", user=user, rendered=rendered))
        outbox_enqueue(outbox_ids=outbox_create(rows=rows), urgency=urgency)
        told += len(batch)
    return told


def content_published_notify(*, obj) -> int:
    """Tell the followers of the published object's clusters, cities and pilot, once each;
    email those whose matching subscription says "immediately"."""
    item = content_item_for(obj)
    matching = Subscription.objects.filter(
        Q(cluster_id__in=item.cluster_ids)
        | Q(city_id__in=item.city_ids)
        | Q(project_id__in=item.project_ids)
    )
    immediate = matching.filter(user_id=OuterRef("pk"), delivery=DeliveryChoice.IMMEDIATE)
    users = (
        get_user_model()
        .objects.filter(pk__in=matching.values("user_id"))
        .annotate(immediate_subscription_id=Subquery(immediate.values("pk")[:1]))
    )
    return deliver_to_users(
        users=users,
        key=f"published:{item.key}",
        verb=item.verb,
        title=item.title,
        body=item.summary,
        path=item.path,
        email_context={"reason": "follow", "starts_at": item.starts_at},
        wants_email=lambda user: user.immediate_subscription_id is not None,
        unsubscribe=lambda user: unsubscribe_url(
            user_id=user.pk,
            subscription_id=user.immediate_subscription_id,
            language=recipient_language(user),
        ),
        urgency=FANOUT,
    )
