"""Clusters: the thematic spaces."""

from rest_framework import serializers

from core.api import (
    ApiModelSerializer,
    PageUrlField,
    ReadOnlyViewSet,
    schema_view,
)

from . import selectors
from .filters import ClusterFilter
from .models import Cluster, ClusterMembership


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


@schema_view(
    "clusters",
    list="List the thematic clusters",
    retrieve="One cluster with its member cities",
)
class ClusterViewSet(ReadOnlyViewSet):
    """Thematic clusters (disaster risk reduction, public health, smart cities...) with their
    member cities and topics, in the reader's language. Read only."""

    serializer_class = ClusterSerializer
    filterset_class = ClusterFilter
    search_fields = ["name", "summary"]
    ordering_fields = ["order", "name"]
    ordering = ["order", "name"]

    def get_queryset(self):
        return selectors.cluster_list_for_api()
