"""City profiles: readable by anyone, kept current by the city's own officials."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, permissions, serializers, viewsets

from clusters.models import ClusterMembership
from core.api import (
    ApiModelSerializer,
    ApiViewSetMixin,
    PageUrlField,
    ServiceWriteMixin,
    TagNamesField,
    schema_view,
)
from core.roles import CITY_OFFICIAL, is_editor, user_has_role

from . import selectors
from .editors import CITY_EDITOR
from .filters import CityFilter
from .hazards import hazard_label
from .models import City


class CityClusterSerializer(ApiModelSerializer):
    slug = serializers.CharField(source="cluster.slug")
    name = serializers.CharField(source="cluster.name")
    colour = serializers.CharField(source="cluster.colour")

    class Meta:
        model = ClusterMembership
        fields = ["slug", "name", "colour", "role", "since"]


class HazardLabelSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The hazard's tag, as in `hazards`.")
    label = serializers.CharField(
        help_text="The hazard named in the response's language (`Content-Language`); a tag "
        "without a translation is given as it was typed."
    )


class CitySerializer(ApiModelSerializer):
    country_name = serializers.CharField(source="country.name", read_only=True)
    latitude = serializers.DecimalField(
        max_digits=8, decimal_places=5, coerce_to_string=False, read_only=True
    )
    longitude = serializers.DecimalField(
        max_digits=8, decimal_places=5, coerce_to_string=False, read_only=True
    )
    hazards = TagNamesField(required=False)
    hazard_labels = serializers.SerializerMethodField(
        help_text="Read-only: each hazard of `hazards` (same order) with its name in the language "
        "asked for by `?lang=` or `Accept-Language`. Write `hazards`, not this."
    )
    photo = serializers.ImageField(read_only=True, use_url=True)
    clusters = CityClusterSerializer(source="cluster_memberships", many=True, read_only=True)
    url = PageUrlField()

    class Meta:
        model = City
        fields = [
            "slug",
            "name",
            "country",
            "country_name",
            "region",
            "latitude",
            "longitude",
            "population",
            "summary",
            "description",
            "website",
            "hazards",
            "hazard_labels",
            "photo",
            "photo_alt",
            "contact_name",
            "contact_role",
            "contact_email",
            "joined_on",
            "clusters",
            "url",
            "updated_at",
        ]
        # Officials keep the profile current; identity and place are fixed by UN staff.
        read_only_fields = ["slug", "name", "country", "region", "joined_on", "updated_at"]

    @extend_schema_field(HazardLabelSerializer(many=True))
    def get_hazard_labels(self, city):
        # The same (prefetched) tags as `hazards`, in the same order.
        names = sorted(tag.name for tag in city.hazards.all())
        return [{"name": name, "label": hazard_label(name)} for name in names]


class CityOfficialOrEditorCanChange(permissions.BasePermission):
    allows_anonymous_read = True
    message = "Only an official of this city (or UN staff) can change its profile."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or request.user.is_authenticated

    def has_object_permission(self, request, view, city):
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        if is_editor(user):
            return True
        return user_has_role(user, CITY_OFFICIAL) and user.city_id == city.pk


@schema_view(
    "cities",
    list="List member cities",
    retrieve="One city with its clusters and roles",
    partial_update="Update a city profile (its city officials, or UN staff)",
)
class CityViewSet(
    ServiceWriteMixin,
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Member cities: their profile, hazards, clusters and contact, in the reader's language.

    Anyone may read them; a city's own officials and UN staff may change its profile (PATCH).
    """

    serializer_class = CitySerializer
    editor = CITY_EDITOR  # its update service
    permission_classes = [CityOfficialOrEditorCanChange]
    http_method_names = ["get", "patch", "head", "options"]
    filterset_class = CityFilter
    search_fields = ["name", "summary"]
    ordering_fields = ["name", "population", "joined_on"]
    # No default `ordering`: it would override the filter set's `sort` (by name unless asked).
    ordering = None
    list_selector = staticmethod(selectors.city_list_for_api)
