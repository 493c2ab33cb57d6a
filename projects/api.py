"""Programmes and pilots, with their cities and partners; partners' collaboration requests."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, mixins, permissions, serializers

from accounts.api import OrganizationLinkSerializer
from cities.models import City
from clusters.models import Cluster
from core.api import (
    CONTENT_READ_ONLY_FIELDS,
    ApiModelSerializer,
    Conflict,
    ContentViewSet,
    ErrorSerializer,
    OwnRowsViewSet,
    PageUrlField,
    StrictSlugRelatedField,
    TagNamesField,
    WholeItemMixin,
    optional_slug_ref,
    refuse_repeats,
    schema_view,
    slug_list,
    slug_ref,
)
from core.roles import PARTNER, is_editor, user_has_role

from . import selectors
from .collaboration_services import (
    CollaborationError,
    DuplicateRequest,
    SubmissionRateLimited,
    collaboration_request_submit,
)
from .editors import PROJECT_EDITOR
from .filters import CollaborationRequestFilter, ProjectFilter
from .models import CollaborationRequest, Project, ProjectCity, ProjectPartner


class ProjectCitySerializer(WholeItemMixin, ApiModelSerializer):
    slug = slug_ref(City.objects.all(), source="city", help_text="City slug.")
    name = serializers.CharField(source="city.name", read_only=True)
    country = serializers.CharField(source="city.country.code", read_only=True)

    class Meta:
        model = ProjectCity
        fields = ["slug", "name", "country", "role"]


class ProjectPartnerSerializer(OrganizationLinkSerializer):
    class Meta(OrganizationLinkSerializer.Meta):
        model = ProjectPartner


class ParentProgrammeSerializer(ApiModelSerializer):
    class Meta:
        model = Project
        fields = ["slug", "title"]
        read_only_fields = fields


class ProjectSerializer(ApiModelSerializer):
    parent = optional_slug_ref(
        Project.objects.programmes(), help_text="Slug of the programme a pilot runs under."
    )
    programme = ParentProgrammeSerializer(source="parent", read_only=True, allow_null=True)
    clusters = slug_list(Cluster.objects.all(), required=False)
    cities = ProjectCitySerializer(source="city_links", many=True, required=False)
    partners = ProjectPartnerSerializer(source="partner_links", many=True, required=False)
    tags = TagNamesField(required=False)
    url = PageUrlField()

    class Meta:
        model = Project
        fields = [
            "slug",
            "title",
            "kind",
            "phase",
            "status",
            "published_at",
            "summary",
            "body",
            "start_date",
            "end_date",
            "parent",
            "programme",
            "clusters",
            "cities",
            "partners",
            "tags",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = CONTENT_READ_ONLY_FIELDS

    def validate_cities(self, links):
        return refuse_repeats(
            links, lambda link: link["city"].slug, "Each city can appear only once."
        )

    def validate_partners(self, links):
        return refuse_repeats(
            links,
            lambda link: (link["organization"].slug, link["role"]),
            "Each partner can have a role only once.",
        )


@schema_view(
    "projects",
    list="List programmes and pilots",
    retrieve="One project with its cities and partners",
    create="Add a project (UN staff)",
    partial_update="Change a project (UN staff); cities and partners replace the old lists",
)
class ProjectViewSet(ContentViewSet):
    """Pilots and programmes: city-to-city projects with their cities, partners, updates and
    milestones. Anyone reads the published ones; UN staff create, change and publish them."""

    serializer_class = ProjectSerializer
    editor = PROJECT_EDITOR  # its create and update services
    # The nested lists are rows for the service; None (left out of a PATCH) keeps them.
    row_lists = {"city_links": "cities", "partner_links": "partners"}
    filterset_class = ProjectFilter
    search_fields = ["title", "summary", "body"]
    ordering_fields = ["start_date", "title", "published_at"]
    ordering = ["-start_date", "title"]
    list_selector = staticmethod(selectors.project_list_for_api)


class CollaborationRequestSerializer(ApiModelSerializer):
    project = optional_slug_ref(
        Project.objects.published(),
        help_text="Slug of the pilot or programme (give exactly one of project, cluster, city).",
    )
    cluster = optional_slug_ref(Cluster.objects.all(), help_text="Cluster slug.")
    city = optional_slug_ref(City.objects.all(), help_text="City slug.")
    organization = StrictSlugRelatedField(slug_field="slug", read_only=True)
    requester = serializers.EmailField(source="requester.email", read_only=True)

    class Meta:
        model = CollaborationRequest
        fields = [
            "id",
            "kind",
            "project",
            "cluster",
            "city",
            "message",
            "contact_preferences",
            "status",
            "organization",
            "organization_name",
            "requester",
            "created_at",
            "decided_at",
        ]
        read_only_fields = ["id", "status", "organization_name", "created_at", "decided_at"]

    def validate(self, attrs):
        targets = [name for name in ("project", "cluster", "city") if attrs.get(name)]
        if len(targets) != 1:
            raise serializers.ValidationError(
                "Choose exactly one target: a project, a cluster or a city."
            )
        return attrs


class PartnerWritesOwnReads(permissions.BasePermission):
    message = "Only partners linked to an organization (and UN staff) use collaboration requests."

    def has_permission(self, request, view):
        user = request.user
        if not user.is_authenticated:
            return False
        if request.method == "POST":
            return user_has_role(user, PARTNER) and user.organization_id is not None
        return is_editor(user) or user_has_role(user, PARTNER)


@schema_view(
    "collaboration requests",
    list="My organization's collaboration requests (UN staff see all)",
    retrieve="One collaboration request",
    create={
        "summary": "Ask to work with a pilot, cluster or city (partners)",
        "description": "The rules of the web form apply: the same budget (10 requests an hour per "
        "account and 30 per address by default), then 429 with `Retry-After`; an open request "
        "of the same kind for the same target from you or your organization is a 409.",
        "responses": {
            201: CollaborationRequestSerializer,
            409: OpenApiResponse(
                ErrorSerializer,
                description="Your organization already has an open request of this kind for "
                "this target; `error.existing` is its address when you sent it yourself.",
            ),
        },
    },
)
class CollaborationRequestViewSet(OwnRowsViewSet, mixins.CreateModelMixin):
    """Collaboration requests to a pilot, a cluster or a city, and where each stands. Partners
    send them and read their organization's; UN staff read all of them."""

    queryset = CollaborationRequest.objects.none()  # the schema's hint; rows come per user
    serializer_class = CollaborationRequestSerializer
    permission_classes = [PartnerWritesOwnReads]
    filterset_class = CollaborationRequestFilter
    ordering_fields = ["created_at", "status"]
    list_selector = staticmethod(selectors.collaboration_request_list_for_api)

    def perform_create(self, serializer):
        # The same service as the form: rate limits, duplicate detection, history and reviewers
        # told. The API has no form, hence no honeypot or start token.
        try:
            serializer.instance = collaboration_request_submit(
                requester=self.request.user,
                client_ip=self.request.META.get("REMOTE_ADDR"),
                **serializer.validated_data,
            )
        except SubmissionRateLimited as limited:
            raise exceptions.Throttled(wait=limited.retry_after, detail=str(limited)) from limited
        except DuplicateRequest as duplicate:
            own = duplicate.own_request
            existing = self.reverse_action("detail", kwargs={"pk": own.pk}) if own else None
            raise Conflict(str(duplicate), code="duplicate", existing=existing) from duplicate
        except CollaborationError as error:
            raise serializers.ValidationError(str(error)) from error
