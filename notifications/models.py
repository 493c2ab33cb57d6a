from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, exactly_one_constraint
from core.relations import optional_relation, person_relation, target_relation


class DeliveryChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("No email")


class DigestFrequency(models.TextChoices):
    """How often a person gets the digest of what they follow (User.digest_frequency): the
    default of every subscription left "as in my profile"."""

    OFF = "off", _("Off")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Subscription(TimeStampedModel):
    """A user follows exactly one cluster, city or project."""

    user = person_relation(related_name="subscriptions")
    cluster = target_relation("clusters.Cluster", related_name="followers")
    city = target_relation("cities.City", related_name="followers")
    project = target_relation("projects.Project", related_name="followers")
    # Empty means "as in my profile" (the user's digest frequency).
    delivery = models.CharField(
        _("email delivery"), max_length=10, choices=DeliveryChoice.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            exactly_one_constraint(
                ("cluster", "city", "project"),
                name="notifications_subscription_exactly_one_target",
                violation_error_message=_(
                    "A subscription follows exactly one cluster, city or pilot."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "cluster"],
                condition=models.Q(cluster__isnull=False),
                name="notifications_subscription_unique_cluster",
            ),
            models.UniqueConstraint(
                fields=["user", "city"],
                condition=models.Q(city__isnull=False),
                name="notifications_subscription_unique_city",
            ),
            models.UniqueConstraint(
                fields=["user", "project"],
                condition=models.Q(project__isnull=False),
                name="notifications_subscription_unique_project",
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.target}"

    @property
    def target(self):
        return self.cluster or self.city or self.project


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app notification shown under the bell."""

    recipient = person_relation(related_name="notifications")
    verb = models.CharField(_("what happened"), max_length=40)
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self):
        return f"{self.recipient}: {self.title}"


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxEmail(models.Model):
    """An email waiting to be delivered.

    It is written in the same transaction as the change that causes it; a worker claims it with a
    conditional UPDATE (pending -> sending) so a retried task never sends it twice, and the
    idempotency key stops the same message from being queued twice.
    """

    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    recipient = optional_relation(settings.AUTH_USER_MODEL, related_name="outbox_emails")
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    text_body = models.TextField(_("plain-text body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    # Text files only (an .ics), stored with the row so a retry sends exactly what was written:
    # [{"filename": ..., "mimetype": "text/calendar; method=PUBLISH; charset=utf-8", "content": ...}]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=OutboxState.choices, default=OutboxState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("outbox email")
        verbose_name_plural = _("outbox emails")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=OutboxState.SENT) | models.Q(sent_at__isnull=False),
                name="notifications_outbox_sent_has_time",
            ),
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.subject} to {self.to_email} ({self.get_state_display()})"


class DigestPeriod(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Digest(models.Model):
    """One digest per user and period: the unique key makes a rerun a no-op."""

    user = person_relation(related_name="digests")
    period = models.CharField(_("period"), max_length=10, choices=DigestPeriod.choices)
    period_start = models.DateField(_("period starts"))
    item_count = models.PositiveIntegerField(_("items"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The run's cut-off: the digest lists what was published up to this moment, and the reader's
    # next digest starts right after it. Its rows are written later than that, so starting from
    # created_at would skip what was published in between. Empty on digests sent before it was kept.
    covered_until = models.DateTimeField(_("covers up to"), null=True, blank=True)
    outbox_email = models.OneToOneField(
        OutboxEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="digest"
    )

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "period_start"], name="notifications_digest_unique_period"
            ),
        ]

    def __str__(self):
        return f"{self.get_period_display()} digest for {self.user} from {self.period_start}"
