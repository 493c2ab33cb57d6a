"""GeoJSON of member cities and the pilots that link them, for the map page and integrators."""

from dataclasses import asdict
from itertools import combinations

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.models import City
from clusters.models import Cluster
from core.api import ETagMixin, ReadOnly
from projects.models import Project, ProjectCity

from .search import map_city_clusters, map_city_set
from .statistics import statistics_charts, statistics_figures, statistics_totals


def _object(properties: dict, **extra) -> dict:
    """The schema of a JSON object that always carries all of its properties."""
    return {"type": "object", **extra, "properties": properties, "required": list(properties)}


def _one_of(value: str) -> dict:
    return {"type": "string", "enum": [value]}


def _feature(geometry: str, coordinates: dict, kind: str, properties: dict) -> dict:
    """A GeoJSON Feature of this geometry whose properties begin with its `kind`."""
    return _object(
        {
            "type": _one_of("Feature"),
            "geometry": _object({"type": _one_of(geometry), "coordinates": coordinates}),
            "properties": _object({"kind": _one_of(kind), **properties}),
        }
    )


_STRING = {"type": "string"}
_POSITION = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
_URL = {"type": "string", "format": "uri", "nullable": True}
_CLUSTER_REF = _object({"slug": _STRING, "name": _STRING, "colour": _STRING, "url": _URL})
_PILOT_REF = _object(
    {"slug": _STRING, "title": _STRING, "url": _URL, "role": _STRING, "role_label": _STRING},
    description="A published pilot the city takes part in, with the city's role in it.",
)
CITY_FEATURE_SCHEMA = _feature(
    "Point",
    _POSITION,
    "city",
    {
        "name": _STRING,
        "slug": _STRING,
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2 code."},
        "country_name": _STRING,
        "url": _URL,
        "clusters": {"type": "array", "items": _CLUSTER_REF},
        "pilots": {"type": "array", "items": _PILOT_REF},
    },
)
_CITY_END = _object({"slug": _STRING, "role": _STRING})
PILOT_LINK_FEATURE_SCHEMA = _feature(
    "LineString",
    {"type": "array", "items": _POSITION, "minItems": 2},
    "pilot-link",
    {
        "title": _STRING,
        "slug": _STRING,
        "url": _URL,
        "from_city": _CITY_END,
        "to_city": _CITY_END,
    },
)
FEATURE_COLLECTION_SCHEMA = _object(
    {
        "type": _one_of("FeatureCollection"),
        "features": {
            "type": "array",
            "items": {"oneOf": [CITY_FEATURE_SCHEMA, PILOT_LINK_FEATURE_SCHEMA]},
        },
    },
    description="A GeoJSON FeatureCollection (coordinates are [longitude, latitude]).",
)


class MapQuerySerializer(serializers.Serializer):
    cluster = serializers.SlugRelatedField(
        slug_field="slug", queryset=Cluster.objects.all(), required=False
    )


def _position(city: City) -> list[float]:
    return [float(city.longitude), float(city.latitude)]


def _absolute(request, instance):
    return request.build_absolute_uri(instance.get_absolute_url())


def map_feature_collection(*, request, cluster: Cluster | None = None) -> dict:
    """Every city as a point and every pair of cities in a published pilot as a line.

    Each city carries what its popup shows (country, clusters, pilots with links), so the map
    needs this one request; the pilots come from the query that draws the lines, so the number
    of queries stays the same however many cities and pilots there are.
    """
    pilots = (
        Project.objects.published()
        .pilots()
        .prefetch_related(
            Prefetch(
                "city_links",
                queryset=ProjectCity.objects.select_related("city").order_by("role", "city__name"),
            )
        )
        .order_by("title")
    )
    # The same map for everyone (staff included), and the same cities as the page's table.
    cities = (
        map_city_set(cluster_slug=cluster.slug if cluster else "")
        .prefetch_related(map_city_clusters())
        .order_by("name")
    )
    if cluster is not None:
        pilots = pilots.filter(clusters=cluster)
    pilots = list(pilots)
    pilots_of_city: dict[int, list[dict]] = {}
    for pilot in pilots:
        pilot_url = _absolute(request, pilot)
        for link in pilot.city_links.all():
            pilots_of_city.setdefault(link.city_id, []).append(
                {
                    "slug": pilot.slug,
                    "title": pilot.title,
                    "url": pilot_url,
                    "role": link.role,
                    "role_label": str(link.get_role_display()),
                }
            )
    cluster_refs: dict[int, dict] = {}

    def cluster_ref(member_of: Cluster) -> dict:
        if member_of.pk not in cluster_refs:
            cluster_refs[member_of.pk] = {
                "slug": member_of.slug,
                "name": member_of.name,
                "colour": member_of.colour,
                "url": _absolute(request, member_of),
            }
        return cluster_refs[member_of.pk]

    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": _position(city)},
            "properties": {
                "kind": "city",
                "name": city.name,
                "slug": city.slug,
                "country": city.country.code,
                "country_name": str(city.country.name),
                "url": _absolute(request, city),
                "clusters": [cluster_ref(m.cluster) for m in city.cluster_memberships.all()],
                "pilots": pilots_of_city.get(city.pk, []),
            },
        }
        for city in cities
    ]
    for pilot in pilots:
        for start, end in combinations(pilot.city_links.all(), 2):
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "LineString",
                        "coordinates": [_position(start.city), _position(end.city)],
                    },
                    "properties": {
                        "kind": "pilot-link",
                        "title": pilot.title,
                        "slug": pilot.slug,
                        "url": _absolute(request, pilot),
                        "from_city": {"slug": start.city.slug, "role": start.role},
                        "to_city": {"slug": end.city.slug, "role": end.role},
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


class MapView(ETagMixin, APIView):
    """The member cities and the pilot links between them, as GeoJSON for a map."""

    permission_classes = [ReadOnly]

    @extend_schema(
        summary="Cities and pilot links as GeoJSON",
        tags=["map"],
        parameters=[
            OpenApiParameter(
                "cluster", str, description="Only this cluster's cities and pilots (slug)."
            )
        ],
        responses={200: FEATURE_COLLECTION_SCHEMA},
    )
    def get(self, request):
        query = MapQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(
            map_feature_collection(request=request, cluster=query.validated_data.get("cluster"))
        )


_CHART_SCHEMA = _object(
    {
        "slug": _STRING,
        "title": {"type": "string", "description": "In the language asked for."},
        "category": {"type": "string", "description": "What the rows are: region, year..."},
        "stacked": {
            "type": "boolean",
            "description": "Whether the series add up to the row's total (pilots by phase).",
        },
        "series": {"type": "array", "items": _object({"key": _STRING, "label": _STRING})},
        "rows": {
            "type": "array",
            "items": _object(
                {
                    "key": {
                        "type": "string",
                        "description": "A code (region, ISO country, phase, year); empty for "
                        "“Unknown” or “No cluster”.",
                    },
                    "label": _STRING,
                    "values": {
                        "type": "object",
                        "additionalProperties": {"type": "integer"},
                        "description": "One count per series key.",
                    },
                    "total": {"type": "integer"},
                }
            ),
        },
        "csv": {"type": "string", "format": "uri", "description": "The same figures as CSV."},
    }
)
_TOTALS = (
    "member_cities",
    "countries",
    "pilots",
    "trainings",
    "participants",
    "certificates",
    "collaboration_requests",
)
STATISTICS_SCHEMA = _object(
    {
        "totals": _object({name: {"type": "integer"} for name in _TOTALS}),
        "charts": {"type": "array", "items": _CHART_SCHEMA},
    },
    description="The figures of /statistics/: only published content counts.",
)


class StatisticsView(ETagMixin, APIView):
    permission_classes = [ReadOnly]

    @extend_schema(
        summary="The programme in figures",
        description=(
            "Member cities by region and country, pilots by cluster and phase, trainings and "
            "participants by year, participants by country, collaboration requests by outcome "
            "and certificates by year: the figures of the /statistics/ page."
        ),
        tags=["statistics"],
        responses={200: STATISTICS_SCHEMA},
    )
    def get(self, request):
        figures = statistics_figures()
        return Response(
            {
                "totals": asdict(statistics_totals(figures)),
                "charts": [
                    {
                        **chart.as_data(),
                        "csv": request.build_absolute_uri(
                            reverse("portal:statistics-csv", kwargs={"chart": chart.slug})
                        ),
                    }
                    for chart in statistics_charts(figures)
                ],
            }
        )
