"""The knowledge library's resources (news included) in the API."""

from rest_framework import serializers

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.api import (
    CONTENT_READ_ONLY_FIELDS,
    ApiModelSerializer,
    ContentViewSet,
    PageUrlField,
    TagNamesField,
    schema_view,
    slug_list,
)
from projects.models import Project

from . import selectors
from .editors import RESOURCE_EDITOR
from .filters import ResourceFilter
from .models import Resource


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
        read_only_fields = CONTENT_READ_ONLY_FIELDS


@schema_view(
    "resources",
    list="Search the knowledge library",
    retrieve="One knowledge resource",
    create="Add a resource (UN staff)",
    partial_update="Change a resource (UN staff)",
)
class ResourceViewSet(ContentViewSet):
    """Resources and news: good practices, guides, reports and news items. Anyone reads the
    published ones; UN staff create, change and publish them."""

    serializer_class = ResourceSerializer
    editor = RESOURCE_EDITOR  # its create and update services
    filterset_class = ResourceFilter
    search_fields = ["title", "summary", "body"]
    ordering_fields = ["published_at", "title", "created_at"]
    ordering = ["-published_at", "-created_at"]
    list_selector = staticmethod(selectors.resource_list_for_api)
