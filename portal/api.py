"""GeoJSON of member cities and the pilots that link them, for the map page and integrators."""

from dataclasses import asdict
from itertools import combinations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django_countries import countries
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.models import City
from clusters.models import Cluster
from clusters.selectors import CLUSTER_NAME_FIELDS
from core.api import ETagMixin, PublicReadCacheMixin, ReadOnly, public_read_cached
from core.choice_labels import choice_labels
from core.content_language import shown_text_order
from core.routes import slug_url
from core.visibility import public
from projects.models import Project, ProjectCity

from .search import map_city_set, map_memberships
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


def map_feature_collection(*, request, cluster: Cluster | None = None) -> dict:
    """Every city as a point and every pair of cities in a published pilot as a line.

    Each city carries what its popup shows (country, clusters, pilots with links), so the map
    needs this one request; the pilots come from the query that draws the lines, so the number
    of queries stays the same however many cities and pilots there are.

    The rows are read as values, not model instances: with 5,000 cities and 20,000 pilots,
    building an instance for each pilot, city and link, and the queryset Django's prefetch builds
    for each pilot to hold its links, took 9 s.
    """
    pilots = Project.objects.published().pilots()
    if cluster is not None:
        pilots = pilots.filter(clusters=cluster)
    pilot_rows = list(
        pilots.order_by(shown_text_order("title"), "pk").values("pk", "slug", "title")
    )
    links_of_pilot: dict[int, list[tuple[int, str]]] = {}
    for pilot_id, city_id, role in (
        ProjectCity.objects.filter(project__in=pilots.values("pk"))
        .order_by("role", shown_text_order("name", path="city__"), "city_id")
        .values_list("project_id", "city_id", "role")
    ):
        links_of_pilot.setdefault(pilot_id, []).append((city_id, role))
    # The same map for everyone (staff included), and the same cities as the page's table: a
    # cluster's members and both ends of each of its pilots.
    city_set = map_city_set(cluster_slug=cluster.slug if cluster else "")
    city_rows = list(
        city_set.order_by(shown_text_order("name"), "pk").values(
            "pk", "slug", "name", "country", "latitude", "longitude"
        )
    )
    # Every address is a path on this site: the scheme and host are joined to it as
    # build_absolute_uri joins them, without parsing each of 25,000 addresses again.
    origin = request.build_absolute_uri("/").removesuffix("/")
    clusters_of_city = _map_clusters_of_cities(origin, city_set)
    role_labels = choice_labels(ProjectCity._meta.get_field("role"), get_language())
    # Each country once, its code as a CountryField gives it (upper case), its name translated.
    countries_of_code = {
        code: (countries.alpha2(code) or code, str(countries.name(code)))
        for code in {row["country"] for row in city_rows}
    }
    cities = {
        row["pk"]: {
            "slug": row["slug"],
            "position": [float(row["longitude"]), float(row["latitude"])],
        }
        for row in city_rows
    }

    pilots_of_city: dict[int, list[dict]] = {}
    lines = []
    for row in pilot_rows:
        title = row["title"]
        url = origin + slug_url(Project.detail_url_name, row["slug"])
        # Both ends are among the cities (map_city_set), unless one was deleted in between.
        links = [
            (city_id, role)
            for city_id, role in links_of_pilot.get(row["pk"], ())
            if city_id in cities
        ]
        for city_id, role in links:
            pilots_of_city.setdefault(city_id, []).append(
                {
                    "slug": row["slug"],
                    "title": title,
                    "url": url,
                    "role": role,
                    "role_label": role_labels.get(role, role),
                }
            )
        for (start, start_role), (end, end_role) in combinations(links, 2):
            lines.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "LineString",
                        "coordinates": [cities[start]["position"], cities[end]["position"]],
                    },
                    "properties": {
                        "kind": "pilot-link",
                        "title": title,
                        "slug": row["slug"],
                        "url": url,
                        "from_city": {"slug": cities[start]["slug"], "role": start_role},
                        "to_city": {"slug": cities[end]["slug"], "role": end_role},
                    },
                }
            )
    points = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": cities[row["pk"]]["position"]},
            "properties": {
                "kind": "city",
                "name": row["name"],
                "slug": row["slug"],
                "country": countries_of_code[row["country"]][0],
                "country_name": countries_of_code[row["country"]][1],
                "url": origin + slug_url(City.detail_url_name, row["slug"]),
                "clusters": clusters_of_city.get(row["pk"], []),
                "pilots": pilots_of_city.get(row["pk"], []),
            },
        }
        for row in city_rows
    ]
    return {"type": "FeatureCollection", "features": points + lines}


def _map_clusters_of_cities(origin: str, cities: QuerySet[City]) -> dict[int, list[dict]]:
    """{city id: what the map says of each cluster it names next to the city}, for `cities`."""
    refs = {
        cluster.pk: {
            "slug": cluster.slug,
            "name": cluster.name,
            "colour": cluster.colour,
            "url": origin + slug_url(Cluster.detail_url_name, cluster.slug),
        }
        for cluster in public(Cluster).only(*CLUSTER_NAME_FIELDS)
    }
    clusters_of_city: dict[int, list[dict]] = {}
    memberships = map_memberships().filter(city__in=cities.values("pk"))
    for city_id, cluster_id in memberships.values_list("city_id", "cluster_id"):
        if cluster_id in refs:  # not a cluster deactivated between the two reads
            clusters_of_city.setdefault(city_id, []).append(refs[cluster_id])
    return clusters_of_city


class MapView(PublicReadCacheMixin, APIView):
    """The member cities and the pilot links between them, as GeoJSON for a map.

    Kept in the shared cache like the other public reads (`PAGE_CACHE_SECONDS`, and never past
    a change of content): every visit of the map page asks for it, and at 5,000 cities it takes
    seconds to compute.
    """

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
        return public_read_cached(self._map, request)

    def _map(self, request):
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
