"""Site search and map reads.

Search covers clusters, cities, pilots (projects), events, knowledge resources and partners. On
PostgreSQL it is full-text search ranked by weight (title/name 'A' > summary 'B' > body 'C'); on
SQLite, which the zero-configuration checkout uses, it falls back to substring matching with title
matches first.

The text-search configuration is 'simple' everywhere: content comes in the six UN languages (and
city names in many more), and an English stemmer would mangle French, Spanish or Arabic words while
'simple' only lowercases, so every language matches the words as typed. The vectors built here
must stay identical to the GIN expression indexes created in the search-index migrations
(`*/migrations/*_search_index.py`), or PostgreSQL stops using the indexes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster, ClusterMembership, Resource
from events.models import Event
from projects.models import Project, ProjectCity, ProjectKind

SEARCH_CONFIG = "simple"
MAX_QUERY_LENGTH = 200
PREVIEW_SIZE = 5
PAGE_SIZE = 20
# A common word matches a large share of 200k resources; ranking (which rebuilds each row's
# vector) and faceting all of them took seconds. Each type ranks, counts and facets at most this
# many matches, taken straight from the GIN index; fewer matches are handled exactly.
CANDIDATE_LIMIT = 300


@dataclass(frozen=True)
class SearchType:
    key: str
    label: str
    label_plural: str
    # Fields in weight order A, B, C; several fields may share a weight.
    weighted_fields: tuple[tuple[str, str], ...]
    title_field: str
    cluster_lookup: str
    country_lookup: str
    year_lookup: str | None  # types without a meaningful year drop out when a year is chosen
    order_by: tuple[str, ...]

    def base_queryset(self) -> QuerySet:
        return _BASE_QUERYSETS[self.key]()


def _clusters():
    return Cluster.objects.active()


def _cities():
    return City.objects.all()


def _projects():
    return Project.objects.published().select_related("parent")


def _events():
    return Event.objects.published().select_related("city", "series")


def _resources():
    return Resource.objects.published()


def _partners():
    return Organization.objects.all()


_BASE_QUERYSETS = {
    "cluster": _clusters,
    "city": _cities,
    "project": _projects,
    "event": _events,
    "resource": _resources,
    "partner": _partners,
}

SEARCH_TYPES: tuple[SearchType, ...] = (
    SearchType(
        key="cluster",
        label=_("Cluster"),
        label_plural=_("Clusters"),
        weighted_fields=(("name", "A"), ("summary", "B"), ("description", "C")),
        title_field="name",
        cluster_lookup="slug",
        country_lookup="memberships__city__country",
        year_lookup=None,
        order_by=("order", "name"),
    ),
    SearchType(
        key="city",
        label=_("City"),
        label_plural=_("Cities"),
        weighted_fields=(("name", "A"), ("summary", "B"), ("description", "C")),
        title_field="name",
        cluster_lookup="cluster_memberships__cluster__slug",
        country_lookup="country",
        year_lookup=None,
        order_by=("name",),
    ),
    SearchType(
        key="project",
        label=_("Pilot"),
        label_plural=_("Pilots and programmes"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        title_field="title",
        cluster_lookup="clusters__slug",
        country_lookup="cities__country",
        year_lookup="start_date__year",
        order_by=("-start_date", "title"),
    ),
    SearchType(
        key="event",
        label=_("Event"),
        label_plural=_("Events and trainings"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("description", "C")),
        title_field="title",
        cluster_lookup="clusters__slug",
        country_lookup="city__country",
        year_lookup="starts_at__year",
        order_by=("-starts_at",),
    ),
    SearchType(
        key="resource",
        label=_("Resource"),
        label_plural=_("Knowledge resources and news"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        title_field="title",
        cluster_lookup="clusters__slug",
        country_lookup="cities__country",
        year_lookup="published_at__year",
        order_by=("-published_at",),
    ),
    SearchType(
        key="partner",
        label=_("Partner"),
        label_plural=_("Partners"),
        weighted_fields=(("name", "A"), ("acronym", "A"), ("description", "C")),
        title_field="name",
        cluster_lookup="projects__clusters__slug",
        country_lookup="country",
        year_lookup=None,
        order_by=("name",),
    ),
)
SEARCH_TYPES_BY_KEY = {search_type.key: search_type for search_type in SEARCH_TYPES}


def search_vector(search_type: SearchType) -> SearchVector:
    """The weighted document of a row, written exactly as the GIN index expression."""
    vector = None
    for field_name, weight in search_type.weighted_fields:
        part = SearchVector(field_name, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


def rank_vector(search_type: SearchType) -> SearchVector:
    """The title and summary part of the document: ranking rebuilds it for every candidate, and
    long bodies made that the slowest step. Body-only matches still match, ranked last."""
    vector = None
    for field_name, weight in search_type.weighted_fields:
        if weight == "C":
            continue
        part = SearchVector(field_name, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


def clean_query(raw: str | None) -> str:
    """What the visitor typed, made safe to hand to the database.

    PostgreSQL refuses NUL bytes in text and other control characters only add noise, so they
    become spaces; the length is capped so a pasted essay cannot make a slow query.
    """
    if not raw:
        return ""
    printable = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class SearchFilters:
    type: str = ""
    cluster: str = ""
    country: str = ""
    year: int | None = None

    @classmethod
    def from_params(cls, params) -> SearchFilters:
        type_key = params.get("type", "")
        country = params.get("country", "").upper()
        year = params.get("year", "")
        return cls(
            type=type_key if type_key in SEARCH_TYPES_BY_KEY else "",
            cluster=params.get("cluster", "")[:80],
            country=country if country in countries else "",
            year=int(year) if year.isdigit() and 1900 <= int(year) <= 2100 else None,
        )

    @property
    def is_narrowed(self) -> bool:
        return bool(self.type or self.cluster or self.country or self.year)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    href: str = ""  # filled by the view, which knows the current query string


@dataclass
class Facet:
    param: str
    heading: str
    options: list[FacetOption]


@dataclass
class SearchGroup:
    search_type: SearchType
    count: int
    results: list = field(default_factory=list)
    page: object | None = None  # a Paginator page when the visitor narrowed to this type
    more_href: str = ""

    @property
    def key(self) -> str:
        return self.search_type.key

    @property
    def has_more(self) -> bool:
        return self.page is None and self.count > len(self.results)


@dataclass
class SearchOutcome:
    query: str
    filters: SearchFilters
    groups: list[SearchGroup]
    type_facet: list[FacetOption]
    cluster_facet: list[FacetOption]
    country_facet: list[FacetOption]
    year_facet: list[FacetOption]
    was_truncated: bool = False

    @property
    def facets(self) -> list[Facet]:
        return [
            Facet("type", str(_("Type")), self.type_facet),
            Facet("cluster", str(_("Cluster")), self.cluster_facet),
            Facet("country", str(_("Country")), self.country_facet),
            Facet("year", str(_("Year")), self.year_facet),
        ]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def visible_groups(self) -> list[SearchGroup]:
        return [group for group in self.groups if group.count]


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _matching(search_type: SearchType, query: str) -> QuerySet:
    """Rows of one type that match the query, best first."""
    queryset = search_type.base_queryset()
    if _is_postgres():
        vector = search_vector(search_type)
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        return (
            queryset.annotate(document=vector)
            .filter(document=search_query)
            .annotate(rank=SearchRank(rank_vector(search_type), search_query))
            .order_by("-rank", *search_type.order_by)
        )
    text_fields = [name for name, weight in search_type.weighted_fields if weight in {"A", "B"}]
    title_fields = [name for name, weight in search_type.weighted_fields if weight == "A"]
    matches = Q()
    for name in text_fields:
        matches |= Q(**{f"{name}__icontains": query})
    title_matches = Q()
    for name in title_fields:
        title_matches |= Q(**{f"{name}__icontains": query})
    return (
        queryset.filter(matches)
        .annotate(
            rank=Case(
                When(title_matches, then=Value(2)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("-rank", *search_type.order_by)
    )


def _ranked_candidates(search_type: SearchType, query: str, matched: QuerySet, ids: list):
    """The candidates best first, found by id so PostgreSQL does not match the text again."""
    if not _is_postgres():
        return matched.filter(pk__in=ids)
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    return (
        search_type.base_queryset()
        .filter(pk__in=ids)
        .annotate(rank=SearchRank(rank_vector(search_type), search_query))
        .order_by("-rank", *search_type.order_by)
    )


def _narrowed(search_type: SearchType, queryset: QuerySet, filters: SearchFilters):
    """Apply the facet filters, or None when a filter rules the whole type out."""
    if filters.year is not None and search_type.year_lookup is None:
        return None
    conditions = Q()
    if filters.cluster:
        conditions &= Q(**{search_type.cluster_lookup: filters.cluster})
    if filters.country:
        conditions &= Q(**{search_type.country_lookup: filters.country})
    if filters.year is not None:
        conditions &= Q(**{search_type.year_lookup: filters.year})
    if not conditions:
        return queryset
    # Joins through many-to-many relations repeat rows; filter by id to keep one row each and
    # keep the ranking annotations of the outer query.
    matching_ids = queryset.model._default_manager.filter(conditions).values("pk")
    return queryset.filter(pk__in=matching_ids)


def _facet_counts(queryset: QuerySet, lookup: str) -> dict:
    return dict(
        queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
        .exclude(**{f"{lookup}__isnull": True})
        .values_list(lookup)
        .annotate(n=Count("pk", distinct=True))
        .values_list(lookup, "n")
    )


def _year_facet_counts(queryset: QuerySet, lookup: str) -> dict:
    date_field = lookup.removesuffix("__year")
    return dict(
        queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
        .exclude(**{f"{date_field}__isnull": True})
        .annotate(facet_year=ExtractYear(date_field))
        .values_list("facet_year")
        .annotate(n=Count("pk", distinct=True))
        .values_list("facet_year", "n")
    )


def search_run(*, query: str, filters: SearchFilters, page_number=1) -> SearchOutcome:
    """Search every type at once: counts per type, a preview (or a page) of each, and facets.

    The number of queries depends on the number of types, never on the number of results.
    """
    groups: list[SearchGroup] = []
    cluster_counts: dict[str, int] = {}
    country_counts: dict[str, int] = {}
    year_counts: dict[int, int] = {}
    type_counts: dict[str, int] = {}

    was_truncated = False
    for search_type in SEARCH_TYPES:
        matched = _narrowed(search_type, _matching(search_type, query), filters)
        count = 0
        if matched is not None:
            candidate_ids = list(
                matched.order_by().values_list("pk", flat=True)[: CANDIDATE_LIMIT + 1]
            )
            if len(candidate_ids) > CANDIDATE_LIMIT:
                was_truncated = True
                candidate_ids = candidate_ids[:CANDIDATE_LIMIT]
            count = len(candidate_ids)
            matched = _ranked_candidates(search_type, query, matched, candidate_ids)
            # Facets count the candidates by id, without matching the text again.
            candidates = search_type.base_queryset().model._default_manager.filter(
                pk__in=candidate_ids
            )
        type_counts[search_type.key] = count
        if filters.type and filters.type != search_type.key:
            continue
        group = SearchGroup(search_type=search_type, count=count)
        groups.append(group)
        if not count:
            continue
        if filters.type:
            paginator = Paginator(matched, PAGE_SIZE)
            paginator.count = count  # already counted above
            group.page = paginator.get_page(page_number)
            group.results = [_described(search_type, row) for row in group.page.object_list]
        else:
            group.results = [_described(search_type, row) for row in matched[:PREVIEW_SIZE]]
        for slug, n in _facet_counts(candidates, search_type.cluster_lookup).items():
            cluster_counts[slug] = cluster_counts.get(slug, 0) + n
        for code, n in _facet_counts(candidates, search_type.country_lookup).items():
            if code:
                country_counts[code] = country_counts.get(code, 0) + n
        if search_type.year_lookup:
            for year, n in _year_facet_counts(candidates, search_type.year_lookup).items():
                year_counts[year] = year_counts.get(year, 0) + n

    cluster_names = dict(
        Cluster.objects.active().filter(slug__in=cluster_counts).values_list("slug", "name")
    )
    return SearchOutcome(
        query=query,
        filters=filters,
        groups=groups,
        was_truncated=was_truncated,
        type_facet=[
            FacetOption(
                value=search_type.key,
                label=str(search_type.label_plural),
                count=type_counts[search_type.key],
                selected=filters.type == search_type.key,
            )
            for search_type in SEARCH_TYPES
            if type_counts[search_type.key] or filters.type == search_type.key
        ],
        cluster_facet=sorted(
            (
                FacetOption(slug, name, cluster_counts[slug], filters.cluster == slug)
                for slug, name in cluster_names.items()
            ),
            key=lambda option: (-option.count, option.label),
        ),
        country_facet=sorted(
            (
                FacetOption(code, str(countries.name(code)), n, filters.country == code)
                for code, n in country_counts.items()
            ),
            key=lambda option: (-option.count, option.label),
        ),
        year_facet=sorted(
            (
                FacetOption(str(year), str(year), n, filters.year == year)
                for year, n in year_counts.items()
            ),
            key=lambda option: option.value,
            reverse=True,
        ),
    )


def _described(search_type: SearchType, row):
    """Give every result the same few attributes, so one template renders all types."""
    row.search_title = getattr(row, search_type.title_field)
    row.url = url_or_none(row)
    details: list[str] = []
    summary = getattr(row, "summary", "")
    if search_type.key == "city":
        details = [row.country.name, row.get_region_display()]
    elif search_type.key == "project":
        details = [row.get_kind_display(), row.get_phase_display()]
        if row.start_date:
            details.append(str(row.start_date.year))
    elif search_type.key == "event":
        details = [
            row.get_kind_display(),
            formats.date_format(row.starts_at.astimezone(row.tzinfo), "DATE_FORMAT"),
        ]
        if row.city:
            details.append(row.city.name)
    elif search_type.key == "resource":
        details = [row.get_kind_display()]
        if row.published_at:
            details.append(formats.date_format(row.published_at, "DATE_FORMAT"))
    elif search_type.key == "partner":
        row.search_title = row.display_name
        details = [row.get_kind_display()]
        if row.country:
            details.append(row.country.name)
        summary = Truncator(row.description).words(30)
    row.search_details = [str(detail) for detail in details if detail]
    row.search_summary = summary
    return row


def search_suggestions() -> dict:
    """What the search page offers before anything is typed, or when nothing matched."""
    clusters = list(Cluster.objects.active().only("name", "slug", "colour", "summary"))
    for cluster in clusters:
        cluster.url = url_or_none(cluster)
    return {
        "clusters": clusters,
        # Curated, not counted: the portal keeps no log of what visitors search for.
        "popular_searches": [
            "Tripoli",
            "Shenzhen",
            str(_("disaster risk")),
            str(_("training")),
            str(_("early warning")),
            "COVID-19",
        ],
    }


def url_or_none(obj) -> str | None:
    """The page of a result; None while the app that owns that page has not routed it yet."""
    try:
        if isinstance(obj, Organization):
            return reverse("partners:detail", kwargs={"slug": obj.slug})
        return obj.get_absolute_url()
    except NoReverseMatch:
        return None


# --- Map reads ------------------------------------------------------------------------------
# The /map/ page lists the same cities and pilot links as the GeoJSON endpoint, as a table that
# works without JavaScript and stays as the accessible alternative to the drawn map.


@dataclass
class PilotLink:
    project: Project
    first: ProjectCity
    second: ProjectCity


def map_cities(*, cluster_slug: str = "") -> list[City]:
    memberships = ClusterMembership.objects.select_related("cluster").order_by(
        "cluster__order", "cluster__name"
    )
    cities = City.objects.prefetch_related(Prefetch("cluster_memberships", queryset=memberships))
    if cluster_slug:
        # As in the GeoJSON: the cities of the cluster's pilots stay listed even when they are
        # not members, so every pilot link has both its ends.
        cluster_pilots = (
            Project.objects.published()
            .filter(kind=ProjectKind.PILOT, clusters__slug=cluster_slug)
            .values("pk")
        )
        cities = cities.filter(
            Q(cluster_memberships__cluster__slug=cluster_slug)
            | Q(project_links__project__in=cluster_pilots)
        ).distinct()
    cities = list(cities.order_by("name"))
    for city in cities:
        city.url = url_or_none(city)
    return cities


def map_pilot_links(*, cluster_slug: str = "") -> list[PilotLink]:
    """Every pair of cities that a published pilot links, with each city's role."""
    city_links = ProjectCity.objects.select_related("city").order_by("role", "city__name")
    pilots = (
        Project.objects.published()
        .filter(kind=ProjectKind.PILOT)
        .prefetch_related(Prefetch("city_links", queryset=city_links))
        .order_by("title")
    )
    if cluster_slug:
        pilots = pilots.filter(clusters__slug=cluster_slug).distinct()
    links = []
    for pilot in pilots:
        pilot.url = url_or_none(pilot)
        for city_link in pilot.city_links.all():
            city_link.city.url = url_or_none(city_link.city)
        for first, second in combinations(pilot.city_links.all(), 2):
            links.append(PilotLink(project=pilot, first=first, second=second))
    return links
