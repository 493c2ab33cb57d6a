import django_filters

from .models import Notification


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", help_text="true: only the unread ones."
    )

    class Meta:
        model = Notification
        fields = ["unread"]
