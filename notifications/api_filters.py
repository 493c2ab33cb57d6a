from core.api import ApiFilterSet, StrictBooleanFilter

from .models import Notification


class NotificationFilter(ApiFilterSet):
    unread = StrictBooleanFilter(
        field_name="read_at", lookup_expr="isnull", help_text="true: only the unread ones."
    )

    class Meta:
        model = Notification
        fields = ["unread"]
