"""Who is told about what: in-app notifications and immediate emails, written in batches.

Recipients are read in keyset batches of user ids, so memory stays flat whatever the number of
followers; each batch is one bulk insert of notifications, one of outbox rows and one delivery
task (one SMTP connection).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from core.roles import UN_STAFF
from events import calendars
from events.models import Event, Registration, RegistrationStatus

from .content import absolute_url, content_item_for, object_path
from .delivery import FANOUT, TRANSACTIONAL, outbox_create, outbox_enqueue
from .emails import email_render, outbox_row
from .models import DeliveryChoice, Notification, OutboxEmail, Subscription
from .tokens import unsubscribe_url
from .verbs import verb_label

FANOUT_BATCH_SIZE = 500
REGISTRATION_CHANGES = ("confirmed", "waitlisted", "promoted", "reminder")
ATTENDING = (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
# Changes after which the person holds a seat: their email carries the event's .ics. A reminder
# carries it too, so a changed time reaches the calendar (same UID: the entry is updated).
CALENDAR_CHANGES = ("confirmed", "promoted", "reminder")


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
    """Notify every user of the queryset in-app, and by email those `wants_email` accepts.

    `key` + the user id is the outbox idempotency key. With `skip_already_told`, users who already
    have that key (a rerun of the same reminder, a retried caller) get nothing new at all.
    `attachments` go with every email (see OutboxEmail.attachments). `urgency` picks the queue
    (notifications.delivery): transactional for one person's news, fanout for many followers.
    """
    told = 0
    for batch in in_id_batches(_recipients(users)):
        if skip_already_told:
            keys = {f"{key}:{user.pk}": user for user in batch}
            done = set(
                OutboxEmail.objects.filter(idempotency_key__in=keys).values_list(
                    "idempotency_key", flat=True
                )
            )
            batch = [user for k, user in keys.items() if k not in done]
        Notification.objects.bulk_create(
            Notification(recipient_id=user.pk, verb=verb, title=title[:250], body=body, url=path)
            for user in batch
        )
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
                    "url": absolute_url(path),
                    **(email_context or {}),
                },
                unsubscribe_url=unsubscribe(user),
                attachments=attachments,
            )
            rows.append(outbox_row(key=f"{key}:{user.pk}", user=user, rendered=rendered))
        outbox_enqueue(outbox_ids=outbox_create(rows=rows), urgency=urgency)
        told += len(batch)
    return told


def content_published_notify(*, obj) -> int:
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
            user_id=user.pk, subscription_id=user.immediate_subscription_id
        ),
        urgency=FANOUT,
    )


def series_session_added_notify(*, event) -> int:
    if not event.series_id:
        return 0
    registrants = (
        Registration.objects.filter(event__series_id=event.series_id, status__in=ATTENDING)
        .exclude(event=event)
        .values("user_id")
    )
    return deliver_to_users(
        users=get_user_model().objects.filter(pk__in=registrants),
        key=f"series-session:{event.pk}",
        verb="series_session_added",
        title=f"{event.series.title}: {event.title}",
        body=event.summary,
        path=object_path(event),
        email_context={"starts_at": event.starts_at, "reason": "registered"},
        skip_already_told=True,
        urgency=FANOUT,
    )


def event_calendar_attachment(event) -> dict:
    """The event's .ics, the same file as the event page's "Add to calendar" download."""
    return {
        "filename": f"{event.slug}.ics",
        "mimetype": calendars.ICAL_CONTENT_TYPE,
        "content": calendars.event_ical(event, url=absolute_url(object_path(event))),
    }


def _registration_key(*, event, change: str, stamp) -> str:
    return f"registration:{change}:{event.pk}:{stamp.strftime('%Y%m%dT%H%M%S%f')}"


def registration_changed_notify(*, registration, change: str) -> int:
    if change not in REGISTRATION_CHANGES:
        raise ValueError(f"Unknown registration change {change!r}.")
    event = registration.event
    # A reminder is once per event start; other changes once per state of the registration.
    stamp = event.starts_at if change == "reminder" else registration.updated_at
    return deliver_to_users(
        users=get_user_model().objects.filter(pk=registration.user_id),
        key=_registration_key(event=event, change=change, stamp=stamp),
        verb=f"registration_{change}",
        title=event.title,
        path=object_path(event),
        email_context={"starts_at": event.starts_at, "reason": "registered"},
        skip_already_told=True,
        attachments=[event_calendar_attachment(event)] if change in CALENDAR_CHANGES else [],
    )


def event_reminders_send(*, now=None, ahead=timedelta(hours=24)) -> int:
    """Remind registrants of events starting within `ahead`; an hourly run never repeats one."""
    now = now or timezone.now()
    told = 0
    events = (
        Event.objects.published()
        .select_related("city")  # the .ics names the city
        .filter(starts_at__gt=now, starts_at__lte=now + ahead)
    )
    for event in events.iterator():
        registrants = Registration.objects.filter(
            event=event, status=RegistrationStatus.REGISTERED
        ).values("user_id")
        told += deliver_to_users(
            users=get_user_model().objects.filter(pk__in=registrants),
            key=_registration_key(event=event, change="reminder", stamp=event.starts_at),
            verb="registration_reminder",
            title=event.title,
            path=object_path(event),
            email_context={"starts_at": event.starts_at, "reason": "registered"},
            skip_already_told=True,
            attachments=[event_calendar_attachment(event)],
            urgency=FANOUT,
        )
    return told


def _staff_reviewers():
    in_staff_group = Q(groups__name=UN_STAFF) | Q(is_superuser=True)
    return get_user_model().objects.filter(
        pk__in=get_user_model().objects.filter(in_staff_group).values("pk")
    )


def collaboration_request_changed_notify(
    *, request, change: str, actor, message_id: int | None = None
) -> int:
    """`change` is "message" or the request's new status."""
    if actor is not None and actor.pk == request.requester_id:
        # The partner acted: tell whoever handles the request, or the reviewing staff.
        users = (
            get_user_model().objects.filter(pk=request.assigned_to_id)
            if request.assigned_to_id
            else _staff_reviewers()
        )
    else:
        users = get_user_model().objects.filter(pk=request.requester_id)
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    stamp = message_id if message_id is not None else request.updated_at.timestamp()
    is_message = change == "message"
    body = ""
    if not is_message:
        # The reason staff gave ("accepted: we will connect you with Shenzhen's team") is what
        # the partner most wants to read; it belongs in the email, not only behind the link.
        note = (
            request.status_changes.filter(to_status=change)
            .order_by("-pk")
            .values_list("note", flat=True)
            .first()
        )
        body = "\n\n".join(part for part in (request.get_status_display(), note) if part)
    return deliver_to_users(
        users=users,
        key=f"collaboration:{request.pk}:{change}:{stamp}",
        verb="collaboration_message" if is_message else "collaboration_status",
        title=str(request.target),
        body=body,
        path=_collaboration_path(request),
        email_context={"reason": "request"},
        skip_already_told=True,
    )


def reviewers_new_request_notify(*, request) -> int:
    return deliver_to_users(
        users=_staff_reviewers().exclude(pk=request.requester_id),
        key=f"collaboration:{request.pk}:new",
        verb="collaboration_new_request",
        title=f"{request.get_kind_display()}: {request.target}",
        body=request.organization_name or str(request.organization or ""),
        path=_collaboration_path(request),
        email_context={"reason": "reviewer"},
        skip_already_told=True,
    )


def _collaboration_path(request) -> str:
    # The request pages come with the collaboration issue; until then, link to the admin.
    from django.urls import NoReverseMatch, reverse

    for name, kwargs in (
        ("collaboration:detail", {"pk": request.pk}),
        ("projects:collaboration-detail", {"pk": request.pk}),
        ("admin:projects_collaborationrequest_change", {"object_id": request.pk}),
    ):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""
