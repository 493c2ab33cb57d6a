from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from notifications.models import Digest, Notification, OutboxEmail, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "target", "delivery", "created_at")
    list_select_related = ("user", "cluster", "city", "project")
    list_filter = ("delivery",)
    search_fields = ("user__email", "user__name", "cluster__name", "city__name", "project__title")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    autocomplete_fields = ("user", "cluster", "city", "project")
    readonly_fields = ("created_at", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        # A follow belongs to its reader: moving it to another would leave the first one's kept
        # state (notifications.selectors.reader_state) showing it.
        return (*super().get_readonly_fields(request, obj), *(("user",) if obj else ()))

    @admin.display(description=_("follows"))
    def target(self, subscription):
        return subscription.target


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "recipient", "verb", "created_at", "read_at")
    list_select_related = ("recipient",)
    list_filter = ("verb", ("read_at", admin.EmptyFieldListFilter))
    search_fields = ("title", "recipient__email")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    autocomplete_fields = ("recipient",)
    readonly_fields = ("created_at",)

    def get_readonly_fields(self, request, obj=None):
        # As a follow's reader, above: the first recipient's unread count would stay kept.
        return (*super().get_readonly_fields(request, obj), *(("recipient",) if obj else ()))


class WrittenByWorkersAdmin(admin.ModelAdmin):
    """Rows the delivery machinery writes with idempotency keys: staff inspect, never invent them."""

    def has_add_permission(self, request):
        return False


@admin.register(OutboxEmail)
class OutboxEmailAdmin(WrittenByWorkersAdmin):
    list_display = ("subject", "to_email", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state",)
    search_fields = ("to_email", "subject", "idempotency_key")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "idempotency_key",
        "recipient",
        "to_email",
        "subject",
        "text_body",
        "html_body",
        "headers",
        "attachment_names",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
    )
    # The file contents are written by the worker machinery; staff see only their names.
    exclude = ("attachments",)

    @admin.display(description=_("attachments"))
    def attachment_names(self, email):
        names = [attachment["filename"] for attachment in email.attachments or ()]
        return ", ".join(names) or None


@admin.register(Digest)
class DigestAdmin(WrittenByWorkersAdmin):
    list_display = ("user", "period", "period_start", "item_count", "created_at")
    list_select_related = ("user",)
    list_filter = ("period",)
    search_fields = ("user__email",)
    ordering = ("-period_start",)
    date_hierarchy = "period_start"
    readonly_fields = (
        "user",
        "period",
        "period_start",
        "item_count",
        "created_at",
        "covered_until",
        "outbox_email",
    )
