"""Opportunities in the API: read-only list and detail (staff edit them on the editorial pages)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from core.api import ApiModelSerializer, ApiViewSetMixin, PageUrlField, ReadOnly, TagNamesField

from . import selectors
from .filters import OpportunityFilter
from .models import Opportunity


class OpportunitySerializer(ApiModelSerializer):
    host_organization = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    host_city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    cluster = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="Null when hidden."
    )
    topics = TagNamesField(source="tags", read_only=True)
    eligible_regions = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="UN region codes; empty: all."
    )
    eligible_countries = serializers.ListField(
        # A country's text is its code.
        child=serializers.CharField(),
        read_only=True,
        help_text="ISO 3166-1 alpha-2 codes; empty: all.",
    )
    is_open = serializers.BooleanField(read_only=True, help_text="The deadline has not passed.")
    url = PageUrlField()

    class Meta:
        model = Opportunity
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "description",
            "host_organization",
            "host_city",
            "cluster",
            "topics",
            "eligible_regions",
            "eligible_countries",
            "deadline",
            "is_open",
            "places",
            "how_to_apply",
            "status",
            "published_at",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(
        summary="Fellowships, calls for proposals and expert exchanges", tags=["opportunities"]
    ),
    retrieve=extend_schema(summary="One opportunity", tags=["opportunities"]),
)
class OpportunityViewSet(
    ApiViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = OpportunitySerializer
    permission_classes = [ReadOnly]
    filterset_class = OpportunityFilter
    search_fields = ["title", "summary", "description"]
    ordering_fields = ["deadline", "published_at", "title"]
    ordering = ["deadline", "pk"]

    def get_queryset(self):
        return selectors.opportunity_list_for_api(user=self.request.user)
