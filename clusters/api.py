"""Clusters (thematic spaces) and the knowledge library's resources."""

from django.db.models import Count, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from accounts.models import Organization
from cities.models import City
from config.api_support import (
    ApiModelSerializer,
    ApiViewSetMixin,
    EditorOrReadOnly,
    PageUrlField,
    ReadOnly,
    TagNamesField,
    slug_list,
    visible_to,
)
from projects.models import Project

from .api_filters import ClusterFilter, ResourceFilter
from .models import Cluster, ClusterMembership, Resource
from .services import resource_create, resource_update


class MemberCitySerializer(ApiModelSerializer):
    slug = serializers.CharField(source="city.slug")
    name = serializers.CharField(source="city.name")
    country = serializers.CharField(source="city.country.code")

    class Meta:
        model = ClusterMembership
        fields = ["slug", "name", "country", "role"]


class ClusterSerializer(ApiModelSerializer):
    member_cities = MemberCitySerializer(source="memberships", many=True, read_only=True)
    member_city_count = serializers.IntegerField(read_only=True)
    sdgs = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    url = PageUrlField()

    class Meta:
        model = Cluster
        fields = [
            "slug",
            "name",
            "summary",
            "description",
            "colour",
            "icon",
            "sdgs",
            "order",
            "is_active",
            "member_city_count",
            "member_cities",
            "url",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="List the thematic clusters", tags=["clusters"]),
    retrieve=extend_schema(summary="One cluster with its member cities", tags=["clusters"]),
)
class ClusterViewSet(
    ApiViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = ClusterSerializer
    permission_classes = [ReadOnly]
    filterset_class = ClusterFilter
    search_fields = ["name", "summary"]
    ordering_fields = ["order", "name"]
    ordering = ["order", "name"]

    def get_queryset(self):
        return Cluster.objects.annotate(
            member_city_count=Count("memberships", distinct=True)
        ).prefetch_related(
            Prefetch(
                "memberships",
                queryset=ClusterMembership.objects.select_related("city").order_by("city__name"),
            )
        )


class ResourceSerializer(ApiModelSerializer):
    clusters = slug_list(Cluster.objects.all(), required=False)
    cities = slug_list(City.objects.all(), required=False)
    organizations = slug_list(Organization.objects.all(), required=False)
    projects = slug_list(Project.objects.all(), required=False)
    tags = TagNamesField(required=False)
    author = serializers.CharField(
        source="author.get_full_name", read_only=True, default=None, allow_null=True
    )
    file = serializers.FileField(read_only=True, use_url=True)
    url = PageUrlField()

    class Meta:
        model = Resource
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "body",
            "external_url",
            "file",
            "language",
            "status",
            "published_at",
            "clusters",
            "cities",
            "organizations",
            "projects",
            "tags",
            "author",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]


@extend_schema_view(
    list=extend_schema(summary="Search the knowledge library", tags=["resources"]),
    retrieve=extend_schema(summary="One knowledge resource", tags=["resources"]),
    create=extend_schema(summary="Add a resource (UN staff)", tags=["resources"]),
    partial_update=extend_schema(summary="Change a resource (UN staff)", tags=["resources"]),
)
class ResourceViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ResourceSerializer
    permission_classes = [EditorOrReadOnly]
    http_method_names = ["get", "post", "patch", "head", "options"]
    filterset_class = ResourceFilter
    search_fields = ["title", "summary", "body"]
    ordering_fields = ["published_at", "title", "created_at"]
    ordering = ["-published_at", "-created_at"]

    def get_queryset(self):
        queryset = Resource.objects.select_related("author").prefetch_related(
            Prefetch("clusters", queryset=Cluster.objects.only("id", "slug")),
            Prefetch("cities", queryset=City.objects.only("id", "slug")),
            Prefetch("organizations", queryset=Organization.objects.only("id", "slug")),
            Prefetch("projects", queryset=Project.objects.only("id", "slug")),
            "tags",
        )
        return visible_to(self.request.user, queryset)

    def perform_create(self, serializer):
        serializer.instance = self.reloaded(
            resource_create(author=self.request.user, **serializer.validated_data)
        )

    def perform_update(self, serializer):
        serializer.instance = self.reloaded(
            resource_update(resource=serializer.instance, **serializer.validated_data)
        )
