from django.utils.translation import gettext_lazy as _

from core.filters import ListFilterSet, StrictBooleanFilter

from .models import Notification


class NotificationFilter(ListFilterSet):
    """`/api/v1/notifications/`; the notifications page lists them all."""

    unread = StrictBooleanFilter(
        label=_("Unread only"),
        field_name="read_at",
        lookup_expr="isnull",
        help_text="true: only the unread ones.",
    )

    class Meta:
        model = Notification
