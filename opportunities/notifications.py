"""What the opportunities app tells people, built here and delivered by the notifications app.

- UN staff hear of a new application; the applicant hears of each change of its status.
- Followers of an opportunity's cluster are reminded of its deadline 7 days and 1 day before
  (`deadline_reminders_send`, run hourly by beat); each stage once per deadline.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.roles import UN_STAFF
from notifications.content import in_reader_language, page_path
from notifications.models import DeliveryChoice, Subscription
from notifications.services import notify_people

from .models import Application, DeadlineReminder, Opportunity

VERB_LABELS = {
    "opportunity_application_new": _("New application to an opportunity"),
    "opportunity_application_status": _("Application update"),
    "opportunity_deadline": _("Deadline coming"),
}
# Days before the deadline at which followers of the cluster are reminded, latest stage last.
REMINDER_STAGES = (7, 1)


def _staff_reviewers():
    users = get_user_model().objects
    in_staff_group = Q(groups__name=UN_STAFF) | Q(is_superuser=True)
    return users.filter(pk__in=users.filter(in_staff_group).values("pk"))


def reviewers_new_application_notify(*, application: Application) -> int:
    """Tell UN staff (but the applicant) of a new application."""
    applicant = application.applicant
    return notify_people(
        users=_staff_reviewers().exclude(pk=application.applicant_id),
        key=f"opportunity-application:{application.pk}:new",
        verb="opportunity_application_new",
        title=application.opportunity.title,
        body=applicant.get_full_name() or applicant.email,
        path=reverse("opportunities:application", kwargs={"pk": application.pk}),
        reason="application_reviewer",
    )


def application_changed_notify(*, application: Application, actor, note: str = "") -> int:
    """Tell the other side of a status change: the applicant, or staff when they withdraw."""
    if actor is not None and actor.pk == application.applicant_id:
        users, reason = _staff_reviewers().exclude(pk=actor.pk), "application_reviewer"
    else:
        users = get_user_model().objects.filter(pk=application.applicant_id)
        reason = "applicant"
    # The status's label in each reader's language, in the app as in the email.
    body = in_reader_language(
        lambda: "\n\n".join(part for part in (application.get_status_display(), note) if part)
    )
    return notify_people(
        users=users,
        key=f"opportunity-application:{application.pk}:{application.status}",
        verb="opportunity_application_status",
        title=application.opportunity.title,
        body=body,
        path=reverse("opportunities:application", kwargs={"pk": application.pk}),
        reason=reason,
    )


def _followers_to_remind(opportunity: Opportunity):
    # A follower who chose "No email" for the cluster is not written to about it.
    followers = (
        Subscription.objects.filter(cluster_id=opportunity.cluster_id)
        .exclude(delivery=DeliveryChoice.OFF)
        .values("user_id")
    )
    applicants = Application.objects.filter(opportunity=opportunity).values("applicant_id")
    return get_user_model().objects.filter(pk__in=followers).exclude(pk__in=applicants)


def _stage_due(opportunity: Opportunity, *, now) -> int | None:
    """The latest reminder stage the opportunity has reached (7 or 1 days), or None."""
    left = opportunity.deadline - now
    due = [days for days in REMINDER_STAGES if left <= timedelta(days=days)]
    return min(due) if due else None


def deadline_reminders_send(*, now=None) -> int:
    """Remind followers of each open opportunity's cluster of its deadline; returns how many.

    A stage is sent once per opportunity and deadline, however often this runs (a row records
    it, and the notification key does too); an opportunity found late (published 3 days before
    its deadline) gets only the stage it has reached, and a passed stage is not sent late.
    """
    now = now or timezone.now()
    told = 0
    horizon = now + timedelta(days=max(REMINDER_STAGES))
    candidates = (
        Opportunity.objects.published()
        .filter(deadline__gt=now, deadline__lte=horizon, cluster__is_active=True)
        .order_by("deadline", "pk")
    )
    for opportunity in candidates.iterator():
        stage = _stage_due(opportunity, now=now)
        try:
            with transaction.atomic():
                reminder = DeadlineReminder.objects.create(
                    opportunity=opportunity, days_before=stage, deadline=opportunity.deadline
                )
                reminder.recipients = notify_people(
                    users=_followers_to_remind(opportunity),
                    key=(
                        f"opportunity-deadline:{opportunity.pk}:{stage}:"
                        f"{opportunity.deadline:%Y%m%dT%H%M%S}"
                    ),
                    verb="opportunity_deadline",
                    title=opportunity.title,
                    body=opportunity.summary,
                    path=page_path(opportunity),
                    reason="cluster_deadline",
                    to_many=True,
                )
                reminder.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # this stage of this deadline was sent already
        told += reminder.recipients
    return told
