"""Events, training series and the signed-in person's registrations."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.api import (
    ApiModelSerializer,
    ApiViewSetMixin,
    EditorOrReadOnly,
    PageUrlField,
    StrictSlugRelatedField,
    WholeItemMixin,
    slug_list,
    visible_to,
)
from projects.models import Project

from .api_filters import EventFilter, RegistrationFilter, TrainingSeriesFilter
from .models import Event, EventCoHost, Registration, RegistrationStatus, TrainingSeries
from .selectors import SEAT_HOLDING_STATUSES
from .services import (
    ACTIVE_STATUSES,
    RegistrationRefused,
    event_create,
    event_update,
    registration_cancel,
    registration_register,
    series_create,
    series_update,
)


class CoHostSerializer(WholeItemMixin, ApiModelSerializer):
    slug = StrictSlugRelatedField(
        source="organization",
        slug_field="slug",
        queryset=Organization.objects.all(),
        help_text="Organization slug.",
    )
    name = serializers.CharField(source="organization.name", read_only=True)
    acronym = serializers.CharField(source="organization.acronym", read_only=True)

    class Meta:
        model = EventCoHost
        fields = ["slug", "name", "acronym", "role"]


class EventSerializer(ApiModelSerializer):
    city = StrictSlugRelatedField(
        slug_field="slug",
        queryset=City.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the host city.",
    )
    series = StrictSlugRelatedField(
        slug_field="slug",
        queryset=TrainingSeries.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the training series this session belongs to.",
    )
    clusters = slug_list(Cluster.objects.all(), required=False)
    projects = slug_list(Project.objects.all(), required=False)
    cohosts = CoHostSerializer(source="cohost_links", many=True, required=False)
    languages = serializers.ListField(
        child=serializers.RegexField(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", max_length=10),
        required=False,
        help_text='Language codes, e.g. ["en", "ar"].',
    )
    seats_taken = serializers.IntegerField(read_only=True)
    url = PageUrlField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "kind",
            "format",
            "status",
            "published_at",
            "summary",
            "description",
            "starts_at",
            "ends_at",
            "time_zone",
            "city",
            "venue",
            "online_url",
            "series",
            "clusters",
            "projects",
            "cohosts",
            "capacity",
            "seats_taken",
            "registration_opens_at",
            "registration_closes_at",
            "languages",
            "url",
            "created_at",
            "updated_at",
        ]
        # Publishing dates an item, once; a client asks for it with "status": "published".
        read_only_fields = ["published_at", "created_at", "updated_at"]

    def validate_cohosts(self, links):
        slugs = [link["organization"].slug for link in links]
        if len(slugs) != len(set(slugs)):
            raise serializers.ValidationError("Each organization can co-host only once.")
        return links


@extend_schema_view(
    list=extend_schema(summary="List events and training sessions", tags=["events"]),
    retrieve=extend_schema(summary="One event with its co-hosts", tags=["events"]),
    create=extend_schema(summary="Add an event (UN staff)", tags=["events"]),
    partial_update=extend_schema(
        summary="Change an event (UN staff); co-hosts replace the old list", tags=["events"]
    ),
)
class EventViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = EventSerializer
    permission_classes = [EditorOrReadOnly]
    http_method_names = ["get", "post", "patch", "head", "options"]
    filterset_class = EventFilter
    search_fields = ["title", "summary", "description", "venue"]
    ordering_fields = ["starts_at", "title", "published_at"]
    ordering = ["starts_at"]

    def get_queryset(self):
        queryset = (
            Event.objects.select_related("city", "series")
            .prefetch_related(
                Prefetch("clusters", queryset=Cluster.objects.only("id", "slug")),
                Prefetch("projects", queryset=Project.objects.only("id", "slug")),
                Prefetch(
                    "cohost_links", queryset=EventCoHost.objects.select_related("organization")
                ),
            )
            # A correlated count, not Count() over a join: the join groups every event before
            # the page is cut (50,000 rows and 270 ms at scale); this counts for the 20 shown.
            .annotate(
                seats_taken=Coalesce(
                    Subquery(
                        Registration.objects.filter(
                            event=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES
                        )
                        .order_by()
                        .values("event")
                        .annotate(n=Count("pk"))
                        .values("n"),
                        output_field=IntegerField(),
                    ),
                    0,
                )
            )
        )
        return visible_to(self.request.user, queryset)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        cohosts = data.pop("cohost_links", None)
        event = event_create(actor=self.request.user, data=data, cohosts=cohosts)
        serializer.instance = self.reloaded(event)

    def perform_update(self, serializer):
        # Co-hosts left out of a PATCH (None) stay as they are.
        data = dict(serializer.validated_data)
        cohosts = data.pop("cohost_links", None)
        event = event_update(
            event=serializer.instance, actor=self.request.user, data=data, cohosts=cohosts
        )
        serializer.instance = self.reloaded(event)


class TrainingSeriesSerializer(ApiModelSerializer):
    organizers = slug_list(Organization.objects.all(), required=False)
    clusters = slug_list(Cluster.objects.all(), required=False)
    session_count = serializers.IntegerField(read_only=True)
    url = PageUrlField()

    class Meta:
        model = TrainingSeries
        fields = [
            "slug",
            "title",
            "status",
            "published_at",
            "summary",
            "description",
            "organizers",
            "clusters",
            "is_certified",
            "sessions_required_for_certificate",
            "final_requirement",
            "start_year",
            "end_year",
            "session_count",
            "url",
            "created_at",
            "updated_at",
        ]
        # Set in the editor or admin, where staff see what it means for certificates. Publishing
        # dates a series, once; a client asks for it with "status": "published".
        read_only_fields = ["final_requirement", "published_at", "created_at", "updated_at"]
        extra_kwargs = {
            "start_year": {"min_value": 1900, "max_value": 2200},
            "end_year": {"min_value": 1900, "max_value": 2200},
        }


@extend_schema_view(
    list=extend_schema(summary="List training series", tags=["training series"]),
    retrieve=extend_schema(summary="One training series", tags=["training series"]),
    create=extend_schema(summary="Add a training series (UN staff)", tags=["training series"]),
    partial_update=extend_schema(
        summary="Change a training series (UN staff)", tags=["training series"]
    ),
)
class TrainingSeriesViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = TrainingSeriesSerializer
    permission_classes = [EditorOrReadOnly]
    http_method_names = ["get", "post", "patch", "head", "options"]
    filterset_class = TrainingSeriesFilter
    search_fields = ["title", "summary", "description"]
    ordering_fields = ["start_year", "title"]
    ordering = ["-start_year", "title"]

    def get_queryset(self):
        queryset = TrainingSeries.objects.prefetch_related(
            Prefetch("organizers", queryset=Organization.objects.only("id", "slug")),
            Prefetch("clusters", queryset=Cluster.objects.only("id", "slug")),
        ).annotate(session_count=Count("sessions", distinct=True))
        return visible_to(self.request.user, queryset)

    def perform_create(self, serializer):
        series = series_create(actor=self.request.user, data=serializer.validated_data)
        serializer.instance = self.reloaded(series)

    def perform_update(self, serializer):
        series = series_update(
            series=serializer.instance, actor=self.request.user, data=serializer.validated_data
        )
        serializer.instance = self.reloaded(series)


class RegistrationSerializer(ApiModelSerializer):
    event = StrictSlugRelatedField(
        slug_field="slug",
        queryset=Event.objects.published(),
        help_text="Slug of a published event.",
    )
    event_title = serializers.CharField(source="event.title", read_only=True)
    event_starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "event", "event_title", "event_starts_at", "status", "created_at"]
        read_only_fields = ["id", "status", "created_at"]

    def validate_event(self, event):
        user = self.context["request"].user
        if Registration.objects.filter(user=user, event=event, status__in=ACTIVE_STATUSES).exists():
            raise serializers.ValidationError("You are already registered for this event.")
        return event


@extend_schema_view(
    list=extend_schema(summary="My event registrations", tags=["registrations"]),
    retrieve=extend_schema(summary="One of my registrations", tags=["registrations"]),
    create=extend_schema(
        summary="Register for an event (waitlisted when it is full)", tags=["registrations"]
    ),
    destroy=extend_schema(
        summary="Cancel my registration (a waitlisted person moves up)", tags=["registrations"]
    ),
)
class RegistrationViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Registration.objects.none()  # the schema's hint; rows come per user
    serializer_class = RegistrationSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = RegistrationFilter
    ordering_fields = ["created_at", "event__starts_at"]
    ordering = ["-created_at"]
    lookup_field = "pk"

    def get_queryset(self):
        return Registration.objects.filter(user=self.request.user).select_related("event")

    def perform_create(self, serializer):
        try:
            serializer.instance = registration_register(
                user=self.request.user, event=serializer.validated_data["event"]
            )
        except RegistrationRefused as refusal:
            raise serializers.ValidationError({"event": [str(refusal)]}) from refusal

    def perform_destroy(self, registration):
        if registration.status == RegistrationStatus.CANCELLED:
            raise serializers.ValidationError("This registration is already cancelled.")
        try:
            registration_cancel(user=self.request.user, event=registration.event)
        except RegistrationRefused as refusal:
            raise serializers.ValidationError(str(refusal)) from refusal
