"""The signed-in person's subscriptions (follows) and in-app notifications."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import (
    ApiModelSerializer,
    OwnRowsViewSet,
    StrictBooleanField,
    optional_slug_ref,
    schema_view,
)
from core.i18n import path_in_language

from .api_services import notification_mark_all_read, notification_mark_read
from .filters import NotificationFilter
from .models import Notification, Subscription
from .registry import followable
from .services import subscription_follow

TARGETS = ("cluster", "city", "project")
TARGET_HELP = {
    "cluster": "Cluster slug (give exactly one of cluster, city, project).",
    "city": "City slug.",
    "project": "Project slug.",
}


class SubscriptionSerializer(ApiModelSerializer):
    class Meta:
        model = Subscription
        fields = ["id", "cluster", "city", "project", "delivery", "created_at"]
        read_only_fields = ["id", "created_at"]

    def get_fields(self):
        # Which objects may be followed is the owning app's to say (notifications.registry), known
        # once the apps are ready rather than when this module is imported.
        fields = super().get_fields()
        for name in TARGETS:
            fields[name] = optional_slug_ref(
                followable(name).objects(), help_text=TARGET_HELP[name]
            )
        return fields

    def validate(self, attrs):
        chosen = [name for name in TARGETS if attrs.get(name)]
        if len(chosen) != 1:
            raise serializers.ValidationError(
                "Follow exactly one thing: a cluster, a city or a project."
            )
        field = chosen[0]
        user = self.context["request"].user
        if Subscription.objects.filter(user=user, **{field: attrs[field]}).exists():
            raise serializers.ValidationError({field: [f"You already follow this {field}."]})
        return attrs


@schema_view(
    "subscriptions",
    list="What I follow",
    retrieve="One of my subscriptions",
    create="Follow a cluster, city or project",
    destroy="Stop following",
)
class SubscriptionViewSet(OwnRowsViewSet, mixins.CreateModelMixin, mixins.DestroyModelMixin):
    """What you follow (clusters, cities, pilots) and how each reaches you by email. Follow,
    change and unfollow your own."""

    queryset = Subscription.objects.none()  # the schema's hint; rows come per user
    serializer_class = SubscriptionSerializer

    def get_queryset(self):
        return Subscription.objects.filter(user=self.request.user).select_related(
            "cluster", "city", "project"
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        target = next(data[name] for name in TARGETS if data.get(name))
        subscription = subscription_follow(user=self.request.user, target=target)
        if data.get("delivery") and subscription.delivery != data["delivery"]:
            subscription.delivery = data["delivery"]
            subscription.save(update_fields=["delivery", "updated_at"])
        serializer.instance = subscription


class ReadFlagField(StrictBooleanField):
    def get_attribute(self, notification):
        return notification.read_at is not None


class NotificationSerializer(ApiModelSerializer):
    is_read = ReadFlagField(help_text="Set to true to mark it read, false to mark it unread.")

    class Meta:
        model = Notification
        fields = ["id", "verb", "title", "body", "url", "created_at", "read_at", "is_read"]
        read_only_fields = ["id", "verb", "title", "body", "url", "created_at", "read_at"]

    def to_representation(self, notification):
        data = super().to_representation(notification)
        # The page in the language the API answers in (?lang=, Accept-Language).
        data["url"] = path_in_language(data["url"], translation.get_language())
        return data


class MarkedReadSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications were unread before.")


@schema_view(
    "notifications",
    list="My notifications, newest first",
    retrieve="One of my notifications",
    partial_update="Mark a notification read or unread",
)
class NotificationViewSet(OwnRowsViewSet, mixins.UpdateModelMixin):
    """Your notifications, newest first; mark one or all of them read."""

    queryset = Notification.objects.none()  # the schema's hint; rows come per user
    serializer_class = NotificationSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering = ["-created_at", "-id"]
    filterset_class = NotificationFilter

    def get_queryset(self):
        return Notification.objects.filter(recipient=self.request.user)

    def perform_update(self, serializer):
        serializer.instance = notification_mark_read(
            notification=serializer.instance,
            read=serializer.validated_data.get("is_read", True),
        )

    @extend_schema(summary="Mark one notification read", request=None, tags=["notifications"])
    @action(detail=True, methods=["post"], url_path="read")
    def read(self, request, pk=None):
        notification = notification_mark_read(notification=self.get_object())
        return Response(self.get_serializer(notification).data)

    @extend_schema(
        summary="Mark all my notifications read",
        request=None,
        responses={200: MarkedReadSerializer},
        tags=["notifications"],
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="read-all",
        filter_backends=[],
        pagination_class=None,
    )
    def read_all(self, request):
        marked = notification_mark_all_read(user=request.user)
        return Response({"marked": marked}, status=status.HTTP_200_OK)
