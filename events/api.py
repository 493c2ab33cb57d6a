"""Events, training series and the signed-in person's registrations."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import mixins, serializers, status

from accounts.api import OrganizationLinkSerializer
from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.api import (
    CONTENT_READ_ONLY_FIELDS,
    ApiModelSerializer,
    ContentViewSet,
    OwnRowsViewSet,
    PageUrlField,
    optional_slug_ref,
    refuse_repeats,
    schema_view,
    slug_list,
    slug_ref,
)
from projects.models import Project

from . import selectors
from .editors import EVENT_EDITOR, SERIES_EDITOR
from .filters import EventFilter, RegistrationFilter, TrainingSeriesFilter
from .forms import SERIES_CONTENT_FIELDS
from .models import Event, EventCoHost, Registration, TrainingSeries
from .services import (
    RegistrationRefused,
    registration_cancel,
    registration_get_or_register,
)


class CoHostSerializer(OrganizationLinkSerializer):
    class Meta(OrganizationLinkSerializer.Meta):
        model = EventCoHost


class EventSerializer(ApiModelSerializer):
    city = optional_slug_ref(City.objects.all(), help_text="Slug of the host city.")
    series = optional_slug_ref(
        TrainingSeries.objects.all(),
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
        read_only_fields = CONTENT_READ_ONLY_FIELDS

    def validate_cohosts(self, links):
        return refuse_repeats(
            links,
            lambda link: link["organization"].slug,
            "Each organization can co-host only once.",
        )


@schema_view(
    "events",
    list="List events and training sessions",
    retrieve="One event with its co-hosts",
    create="Add an event (UN staff)",
    partial_update="Change an event (UN staff); co-hosts replace the old list",
)
class EventViewSet(ContentViewSet):
    """Events: webinars, workshops, study visits and training sessions, with their times, places
    and co-hosts. Anyone reads the published ones; UN staff create, change and publish them."""

    serializer_class = EventSerializer
    editor = EVENT_EDITOR  # its create and update services
    row_lists = {"cohost_links": "cohosts"}
    filterset_class = EventFilter
    search_fields = ["title", "summary", "description", "venue"]
    ordering_fields = ["starts_at", "title", "published_at"]
    ordering = ["starts_at"]
    list_selector = staticmethod(selectors.event_list_for_api)


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
            *SERIES_CONTENT_FIELDS,
            "session_count",
            "url",
            "created_at",
            "updated_at",
        ]
        # Set in the editor or admin, where staff see what it means for certificates. Publishing
        # dates a series, once; a client asks for it with "status": "published".
        read_only_fields = ["final_requirement", *CONTENT_READ_ONLY_FIELDS]
        extra_kwargs = {
            "start_year": {"min_value": 1900, "max_value": 2200},
            "end_year": {"min_value": 1900, "max_value": 2200},
        }


@schema_view(
    "training series",
    list="List training series",
    retrieve="One training series",
    create="Add a training series (UN staff)",
    partial_update="Change a training series (UN staff)",
)
class TrainingSeriesViewSet(ContentViewSet):
    """Certified training series: their sessions and what a certificate requires. Anyone reads the
    published ones; UN staff create, change and publish them."""

    serializer_class = TrainingSeriesSerializer
    editor = SERIES_EDITOR  # its create and update services
    filterset_class = TrainingSeriesFilter
    search_fields = ["title", "summary", "description"]
    ordering_fields = ["start_year", "title"]
    ordering = ["-start_year", "title"]
    list_selector = staticmethod(selectors.training_series_list_for_api)


class RegistrationSerializer(ApiModelSerializer):
    event = slug_ref(Event.objects.published(), help_text="Slug of a published event.")
    event_title = serializers.CharField(source="event.title", read_only=True)
    event_starts_at = serializers.DateTimeField(source="event.starts_at", read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "event", "event_title", "event_starts_at", "status", "created_at"]
        read_only_fields = ["id", "status", "created_at"]


@schema_view(
    "registrations",
    list="My event registrations",
    retrieve="One of my registrations",
    create={
        "summary": "Register for an event (waitlisted when it is full)",
        "description": "As the event page's button: registering again while registered or "
        "waitlisted changes nothing and answers 200 with the existing registration.",
        "responses": {
            201: RegistrationSerializer,
            200: OpenApiResponse(
                RegistrationSerializer, description="Already registered or waitlisted."
            ),
        },
    },
    destroy={
        "summary": "Cancel my registration (a waitlisted person moves up)",
        "description": "A registration that is no longer active cannot be cancelled again (400).",
    },
)
class RegistrationViewSet(OwnRowsViewSet, mixins.CreateModelMixin, mixins.DestroyModelMixin):
    """Your registrations for events: a place held or on the waitlist. Register, see and cancel
    your own."""

    queryset = Registration.objects.none()  # the schema's hint; rows come per user
    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilter
    ordering_fields = ["created_at", "event__starts_at"]
    registered_now = True  # set by perform_create: False when the person was registered already
    list_selector = staticmethod(selectors.registration_list_for_api)

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        if not self.registered_now:
            response.status_code = status.HTTP_200_OK
        return response

    def perform_create(self, serializer):
        # The same service as the event page's button, with its answer to a repeated request.
        try:
            serializer.instance, self.registered_now = registration_get_or_register(
                user=self.request.user, event=serializer.validated_data["event"]
            )
        except RegistrationRefused as refusal:
            raise serializers.ValidationError({"event": [str(refusal)]}) from refusal

    def perform_destroy(self, registration):
        try:
            registration_cancel(user=self.request.user, event=registration.event)
        except RegistrationRefused as refusal:
            raise serializers.ValidationError(str(refusal)) from refusal
