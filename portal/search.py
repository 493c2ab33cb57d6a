"""Site search and map reads.

Search covers clusters, cities, pilots (projects), events, knowledge resources, partners and
opportunities. On
PostgreSQL it is full-text search ranked by weight (title/name 'A' > summary 'B' > body 'C'); on
SQLite, which the zero-configuration checkout uses, it falls back to substring matching with title
matches first.

Content comes in the six UN languages, each in its own columns (core.content_language), and each
language's columns are read with that language's text-search configuration (english, french,
spanish, arabic, russian; Chinese as overlapping character pairs read by 'simple'), all with
unaccent in front, so "sante" finds "santé" and "floods" finds "flood". A query is parsed with
every configuration and the parses are joined with OR: a French word finds the French columns
through the French stemmer whatever language the page is read in, and a name typed as written
(طرابلس, 深圳) finds the column it is written in.

A query with no or few results is checked against a small dictionary of the words of the names of
cities, clusters, pilots and tags in every language (`search_word`, with a trigram index): each word
the dictionary lacks is replaced by its nearest word, and when that finds more the page offers
"Did you mean …?", showing the corrected results when the query found nothing.

On PostgreSQL every searched table has a `search_document` tsvector column with a GIN index,
written by a trigger (`*/migrations/*_search_document.py`) and deliberately not a model field: it
is several kilobytes a row, and no page but this one should load it. It holds the weighted words
and every pair of adjacent words, so quoted phrases are answered from the index
(portal/search_phrases.py).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import combinations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    Expression,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import Col
from django.db.models.functions import Cast, ExtractYear
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag

from accounts.models import Organization
from cities.hazards import hazard_label, hazards_named_in
from cities.models import City
from cities.selectors import CITY_NAME_FIELDS, cities_facing
from clusters.models import Cluster, ClusterMembership
from clusters.selectors import cluster_name_columns
from core.content_language import (
    active_language,
    column,
    columns_in_every_language,
    language_codes,
    original_language,
    reading_key,
    shown_text_order,
    text_and_language,
    translated_fields,
)
from core.filters import typed_text
from core.page_cache import kept_for_content
from core.search_document_sql import RANK_COLUMN
from core.selectors import among
from core.templatetags.content_language import text_marked, text_paragraph
from core.visibility import public
from events.models import Event
from opportunities.models import Opportunity
from projects.models import Project, ProjectCity, ProjectKind
from projects.selectors import partner_cluster_pairs, pilot_card_city_links
from resources.models import Resource

from .search_phrases import TsQuerySyntaxError, with_shared_negations, with_word_pairs

# One text-search configuration per language (core/search_document_sql.py); Chinese text goes
# through search_cjk_pairs() first, as the documents' Chinese columns do.
SEARCH_CONFIGS = ("search_en", "search_fr", "search_es", "search_ar", "search_ru", "search_zh")
MAX_QUERY_LENGTH = 200
PREVIEW_SIZE = 5
PAGE_SIZE = 20
# A common word matches a large share of 200k resources; ranking and faceting all of them took
# seconds. Each type ranks, counts and facets at most this many matches, taken straight from the
# GIN index; fewer matches are handled exactly.
CANDIDATE_LIMIT = 300
# ts_rank's weights for D, C, B, A: ranking counts the title and summary only, so a body-only
# match still matches but ranks last, and the word pairs (no weight, so D) count for nothing.
RANK_WEIGHTS = [0.0, 0.0, 0.4, 1.0]


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
    # What a result shows (_described): its rows load these fields alone, a translated one in
    # every language for the fallback. Every column of every language cost a tenth of the
    # search page's miss to compile, load and build into rows that showed five of them. No
    # default: `.only()` of nothing would load each shown field with a query of its own.
    result_fields: tuple[str, ...]
    # The cluster is reached through many rows of another relation (a partner's projects), so
    # joining the path repeats each row many times: counted from _clusters_reached instead,
    # which reads this function's (row id, cluster id) pairs for the row ids given (None: all).
    cluster_pairs: Callable[[list | None], list[tuple[int, int]]] | None = None
    # Rows that match through the hazards they face, which the query names in any language
    # ("inondation" finds the cities facing floods): a condition given the hazards named.
    facing_hazards: Callable[[list[str]], Q] | None = None

    def base_queryset(self) -> QuerySet:
        return _BASE_QUERYSETS[self.key]()

    @property
    def reaches_clusters_through_many(self) -> bool:
        return self.cluster_pairs is not None


def _clusters():
    return Cluster.objects.active()


def _cities():
    return City.objects.all()


# A result shows no related item but an event's city (a city is always public): the programme
# and the series are not loaded, so no draft one can be named.
def _projects():
    return Project.objects.published()


def _events():
    return Event.objects.published().select_related("city")


def _resources():
    return Resource.objects.published()


def _partners():
    return Organization.objects.all()


def _opportunities():
    return Opportunity.objects.published()


_BASE_QUERYSETS = {
    "cluster": _clusters,
    "city": _cities,
    "project": _projects,
    "event": _events,
    "resource": _resources,
    "partner": _partners,
    "opportunity": _opportunities,
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
        result_fields=("original_language", "slug", "name", "summary"),
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
        facing_hazards=cities_facing,
        result_fields=("original_language", "slug", "name", "summary", "country", "region"),
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
        result_fields=(
            "original_language",
            "slug",
            "title",
            "summary",
            "kind",
            "phase",
            "start_date",
        ),
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
        result_fields=(
            "original_language",
            "slug",
            "title",
            "summary",
            "kind",
            "starts_at",
            "time_zone",
            "city",
            "city__original_language",
            "city__slug",
            "city__name",
        ),
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
        result_fields=("original_language", "slug", "title", "summary", "kind", "published_at"),
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
        cluster_pairs=lambda ids: partner_cluster_pairs(organization_ids=ids),
        result_fields=(
            "original_language",
            "slug",
            "name",
            "acronym",
            "kind",
            "country",
            "description",
        ),
    ),
    SearchType(
        key="opportunity",
        label=_("Opportunity"),
        label_plural=_("Opportunities"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("description", "C")),
        title_field="title",
        cluster_lookup="cluster__slug",
        country_lookup="host_city__country",
        year_lookup="deadline__year",
        order_by=("-deadline",),
        result_fields=("slug", "title", "summary", "kind", "deadline"),
    ),
)
SEARCH_TYPES_BY_KEY = {search_type.key: search_type for search_type in SEARCH_TYPES}


def _vector_column(name: str) -> SearchVectorField:
    field = SearchVectorField()
    field.set_attributes_from_name(name)
    return field


class StoredDocument(Expression):
    """A tsvector column of the queried table that no model declares: `search_document` (the
    whole document, for matching) by default, or `search_rank` (its title and summary words
    only, all that ranking weighs: a few hundred bytes in the row instead of the document read
    from out-of-line storage; core.search_document_sql)."""

    output_field = SearchVectorField()
    COLUMNS = {name: _vector_column(name) for name in ("search_document", RANK_COLUMN)}

    def __init__(self, column: str = "search_document"):
        super().__init__()
        self.column = self.COLUMNS[column]

    def resolve_expression(self, query=None, *args, **kwargs):
        # A real column reference, so Django relabels it when the query becomes a subquery.
        return Col(query.get_initial_alias(), self.column)


class ParsedQuery(SearchQuery):
    """A tsquery in PostgreSQL's own text form, cast as it is: to_tsquery() would parse it
    again and split a word pair such as 'early warning' into two words."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return super().as_sql(compiler, connection, template="(%(expressions)s)::tsquery")


# Fewer results than this and the query is checked for typos.
FEW_RESULTS = 3
# How alike (pg_trgm similarity, 0-1) a dictionary word must be to replace a typed one:
# "disater"/"disaster" 0.55, "shenzen"/"shenzhen" 0.6, "tripolli"/"tripoli" 0.7.
MIN_SIMILARITY = 0.45
_WORD = re.compile(r"(?<![\w-])\w{3,}", re.UNICODE)


def _typed_words(query: str) -> list[re.Match]:
    """The query's words that a correction may replace (not the operator OR)."""
    return [match for match in _WORD.finditer(query) if match.group().lower() != "or"]


# For each typed word missing from the names' dictionary, its nearest word there (else NULL).
_NEAREST_WORDS = """ARRAY(
SELECT near.word
FROM unnest(%s::text[]) WITH ORDINALITY AS typed(raw, n)
CROSS JOIN LATERAL (SELECT lower(unaccent(typed.raw)) AS term) AS t
LEFT JOIN search_word AS exact ON exact.term = t.term
LEFT JOIN LATERAL (
    SELECT word FROM search_word
    WHERE exact.term IS NULL AND term %% t.term AND similarity(term, t.term) >= %s
    ORDER BY term <-> t.term, word
    LIMIT 1
) AS near ON true
ORDER BY typed.n
)"""


@dataclass(frozen=True)
class TextQuery:
    as_typed: str  # websearch_to_tsquery's result, for ranking
    for_index: str  # the same with each phrase's word pairs, for matching
    correction: str = ""  # the query with its typos corrected from the names; "" if none


def text_query(query: str, *, first: str = "") -> TextQuery:
    """Parse the visitor's query once with each language's configuration, as PostgreSQL does, and
    join the distinct parses with OR; add the phrases' word pairs.

    In the same round trip: `first` (SQL to run before the parse), and the nearest dictionary word
    of each typed word the dictionary lacks, from which the corrected query is made at no cost of
    a query (it is used only when the query finds little: see search_forgiving).
    """
    words = _typed_words(query)
    parses = ", ".join(
        f"websearch_to_tsquery('{config}'::regconfig, "
        + ("search_cjk_pairs(%s)" if config == "search_zh" else "%s")
        + ")::text"
        for config in SEARCH_CONFIGS
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"{first}SELECT {parses}, {_NEAREST_WORDS}",
            [query] * len(SEARCH_CONFIGS) + [[word.group() for word in words], MIN_SIMILARITY],
        )
        *parsed, nearest = cursor.fetchone()
        variants = [text for text in dict.fromkeys(parsed) if text]
    # Should a parse not be understood, each parse leaves out its own words only.
    with suppress(TsQuerySyntaxError):
        variants = list(dict.fromkeys(with_shared_negations(variants)))
    paired = []
    for variant in variants:
        try:
            paired.append(with_word_pairs(variant))
        except TsQuerySyntaxError:
            paired.append(variant)  # still right, only slower for phrases
    return TextQuery(
        as_typed=_any_of(variants),
        for_index=_any_of(paired),
        correction=_corrected(query, words, nearest),
    )


def _any_of(tsqueries: list[str]) -> str:
    if len(tsqueries) == 1:
        return tsqueries[0]
    return " | ".join(f"( {tsquery} )" for tsquery in tsqueries)


def clean_query(raw: str | None) -> str:
    """What the visitor typed, made safe to hand to the database (`core.filters.typed_text`)."""
    return typed_text(raw, max_length=MAX_QUERY_LENGTH)


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
    # "Did you mean …?": the corrected query; when `corrected_from` is set, the results shown
    # are the corrected query's and `corrected_from` is what the visitor typed.
    suggestion: str = ""
    corrected_from: str = ""
    # The query with its typos corrected (PostgreSQL; found with the parse), offered or not.
    correction: str = ""
    # The hazards the query names, in the reader's language: the cities facing them are listed
    # too, and the page says so, since their text may not say it.
    hazards: list[str] = field(default_factory=list)

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


def _matching(
    search_type: SearchType, query: str | TextQuery, hazards: Sequence[str] = ()
) -> QuerySet:
    """Rows of one type that match the query, in no particular order; with the `hazards` it
    names, the rows facing them too (for the types that face hazards)."""
    queryset = search_type.base_queryset()
    also = search_type.facing_hazards(hazards) if hazards and search_type.facing_hazards else None
    if _is_postgres():
        if isinstance(query, str):
            query = text_query(query)
        matches = Q(document=ParsedQuery(query.for_index))
        if also is None:
            return queryset.alias(document=StoredDocument()).filter(matches)
        # Both as id sets: an OR beside the document's test made PostgreSQL test every row's
        # document (stored out of line) instead of asking the GIN index.
        found = queryset.model._default_manager.alias(document=StoredDocument()).filter(matches)
        return queryset.filter(Q(pk__in=found.values("pk")) | also)
    text_fields = [name for name, weight in search_type.weighted_fields if weight in {"A", "B"}]
    matches = Q()
    for name in text_fields:
        for field_column in _columns(search_type, name):
            matches |= Q(**{f"{field_column}__icontains": query})
    return queryset.filter(matches | also if also else matches)


def _columns(search_type: SearchType, field_name: str) -> list[str]:
    """The columns a substring search reads for a field: the active language's first, then every
    other language's (the original among them); an untranslated field is its one column."""
    model = search_type.base_queryset().model
    if field_name not in translated_fields(model):
        return [field_name]
    languages = dict.fromkeys([active_language(), *language_codes()])
    return [column(field_name, language) for language in languages]


def _ranked_ids(search_type: SearchType, query: str | TextQuery, matched: QuerySet) -> list:
    """The ids of up to CANDIDATE_LIMIT + 1 matches, best first."""
    if _is_postgres():
        return _ranked_candidate_ids(search_type, query, matched)
    title_matches = Q()
    for name, weight in search_type.weighted_fields:
        if weight == "A":
            for field_column in _columns(search_type, name):
                title_matches |= Q(**{f"{field_column}__icontains": query})
    ranked = matched.annotate(
        rank=Case(When(title_matches, then=Value(2)), default=Value(1), output_field=IntegerField())
    ).order_by("-rank", *search_type.order_by)
    return list(ranked.values_list("pk", flat=True)[: CANDIDATE_LIMIT + 1])


def _ranked_candidate_ids(search_type: SearchType, query: TextQuery, matched: QuerySet) -> list:
    """Rank only the first CANDIDATE_LIMIT + 1 matches found, in the scan that finds them.

    Ranking every match of a common word read every matching row's document. The candidates are
    ranked as they are found, then ordered outside (Django has no subquery in FROM).
    """
    sort_keys = {
        f"search_sort_{n}": F(name.lstrip("-")) for n, name in enumerate(search_type.order_by)
    }
    candidates = (
        matched.order_by()
        .annotate(
            search_id=F("pk"),
            search_rank=SearchRank(
                StoredDocument(RANK_COLUMN), ParsedQuery(query.as_typed), weights=RANK_WEIGHTS
            ),
            **sort_keys,
        )
        .values_list("search_id", "search_rank", *sort_keys)[: CANDIDATE_LIMIT + 1]
    )
    sql, params = candidates.query.sql_with_params()
    ordering = "".join(
        f', "{key}"{" DESC" if name.startswith("-") else ""}'
        for key, name in zip(sort_keys, search_type.order_by, strict=True)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "search_id" FROM ({sql}) AS candidates ORDER BY "search_rank" DESC{ordering}',  # noqa: S608 (names are ours)
            params,
        )
        return [row[0] for row in cursor.fetchall()]


# Testing a row against the query reads its search document, several kilobytes stored out of
# line, yet the planner costs it as a small fraction of a page read. Asked for the first few
# hundred matches, it then walks the table testing row after row where the GIN index would give
# them at once: 20-70 ms instead of a few for a word found in one row in ten. Costing a row at
# about a page read (best between 0.5 and 3 on the 200k-resource bench) lets it pick the index for
# rarer words and the walk for the most common ones, where the walk wins. Dearer rows also make
# parallel workers and JIT compilation look worth it; for a few hundred rows they never are:
# compiling took 100-300 ms on the facets of a common word.
# That walk starts at the table's first page: PostgreSQL would start a scan of a large table
# where the last one stopped (synchronize_seqscans), and a walk cut at the candidate limit stops
# part-way, so each search of a common word took another 301 candidates. Reloading the page
# showed other results and counts, and its second page was cut from another set than its first.
_PLANNER_FOR_DOCUMENTS = (
    "SET LOCAL cpu_tuple_cost = 1; SET LOCAL max_parallel_workers_per_gather = 0; "
    "SET LOCAL jit = off; SET LOCAL synchronize_seqscans = off; "
)
_PLANNER_DEFAULTS = (
    "SET LOCAL cpu_tuple_cost TO DEFAULT; "
    "SET LOCAL max_parallel_workers_per_gather TO DEFAULT; SET LOCAL jit TO DEFAULT; "
    "SET LOCAL synchronize_seqscans TO DEFAULT"
)


@contextmanager
def _prepared(query: str):
    """The query parsed, and the planner set as above for the queries of the enclosed block.

    SET LOCAL ends with the transaction; the closing SET restores the defaults should an outer
    transaction go on (after an error, its rollback does).
    """
    if not _is_postgres():
        yield query
        return
    with transaction.atomic():
        yield text_query(query, first=_PLANNER_FOR_DOCUMENTS)
        with connection.cursor() as cursor:
            cursor.execute(_PLANNER_DEFAULTS)


def _rows(search_type: SearchType, ids: list) -> list:
    """The rows of these ids, in their order, with what the results template shows."""
    rows = search_type.base_queryset().only(*search_type.result_fields).order_by()
    rows = {row.pk: row for row in rows.filter(among(ids))}
    return [_described(search_type, rows[pk]) for pk in ids if pk in rows]


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


def _capped_counts(matched: dict[str, QuerySet]) -> dict[str, int]:
    """How many rows each queryset has, up to CANDIDATE_LIMIT + 1, in one query."""
    if not matched:
        return {}
    selects, params = [], []
    for number, queryset in enumerate(matched.values()):
        sql, sql_params = (
            queryset.order_by().values("pk")[: CANDIDATE_LIMIT + 1].query.sql_with_params()
        )
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS matches_{number})")  # noqa: S608 (our queryset SQL; values go as params)
        params.extend(sql_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return dict(zip(matched, cursor.fetchone(), strict=True))


# The columns of each part of the facets' UNION: the candidate (type and id) with one cluster
# (its id), its country and its year. A type that reaches its clusters through many rows (a
# partner's projects) lists no cluster here: _clusters_reached counts them.
_FACET_COLUMNS = ("of_type", "of_row", "of_cluster", "of_country", "of_year")
# A column a type has no value for, cast so that the parts of the UNION agree: an untyped NULL
# in the first parts would be taken for text.
_NO_TEXT = Cast(Value(None), CharField())
_NO_ID = Cast(Value(None), IntegerField())


def _facets_of(shown: list[tuple[SearchType, list]]) -> tuple[dict, dict, dict, dict]:
    """Cluster, country and year counts over the candidates of the types shown, in one query.

    The query lists each candidate with its clusters' ids, country and year, a row per
    combination of its paths (a resource in two clusters and one city: two rows), and the
    distinct candidates are counted here. Counting in SQL took a grouped, sorted part per type
    and facet, each reading the candidates again: 13-20 parts whose planning alone was 5-12 ms.
    The clusters are named from the active ones, kept (_active_clusters): joining the cluster
    table in every part for its slug and name cost more to plan than to read.
    """
    parts = []
    active = _active_clusters()
    # Asked whether or not the type has candidates, so that the queries a search costs do not
    # depend on which types match (the map is one cache read once kept).
    reached_by_type = [
        (_clusters_reached(search_type, ids, active), ids)
        for search_type, ids in shown
        if search_type.reaches_clusters_through_many
    ]
    # A type without candidates counts nothing, but building its part costs as much as any
    # other's; one type's (empty) part still makes the query, so every search asks it.
    with_candidates = [(search_type, ids) for search_type, ids in shown if ids] or shown[:1]
    for search_type, ids in with_candidates:
        # A plain queryset: django-modeltranslation's would reorder the selected columns of the
        # translated types, and the parts of a UNION must agree column by column.
        model = search_type.base_queryset().model
        rows = QuerySet(model=model).filter(among(ids)).order_by()
        cluster = _NO_ID
        if not search_type.reaches_clusters_through_many:
            # The link's own column: Django joins no cluster row for a cluster's id.
            cluster = F(search_type.cluster_lookup.removesuffix("slug") + "id")
        year = _NO_TEXT
        if search_type.year_lookup:
            year = Cast(ExtractYear(search_type.year_lookup.removesuffix("__year")), CharField())
        parts.append(
            rows.values(
                of_type=Value(search_type.key),
                of_row=F("pk"),
                of_cluster=cluster,
                of_country=F(search_type.country_lookup),
                of_year=year,
            ).values_list(*_FACET_COLUMNS)
        )
    candidates: dict[str, dict[str, set]] = {"cluster": {}, "country": {}, "year": {}}
    counted_clusters: Counter = Counter()
    slug_of = active.slug_of
    for type_key, row, cluster_id, country, year in parts[0].union(*parts[1:], all=True):
        # An inactive cluster is not offered as a facet: its id has no slug here.
        for facet, key in (
            ("cluster", slug_of.get(cluster_id)),
            ("country", country),
            ("year", year),
        ):
            if key:
                candidates[facet].setdefault(key, set()).add((type_key, row))
    for reached, ids in reached_by_type:
        for pk in ids:
            counted_clusters.update(reached.slugs_of.get(pk, ()))
    counts = {
        facet: Counter({key: len(found) for key, found in keys.items()})
        for facet, keys in candidates.items()
    }
    counts["cluster"].update(counted_clusters)
    cluster_counts = {slug: n for slug, n in counts["cluster"].items() if n}
    cluster_names = active.names()
    return (
        cluster_counts,
        {slug: cluster_names[slug] for slug in cluster_counts},
        dict(counts["country"]),
        {int(year): n for year, n in counts["year"].items()},
    )


# How long the active clusters, the map of _clusters_reached and the names' words of
# corrected_from_names are kept at most (a new content generation replaces them sooner). Not
# SHARED_PAGE_SECONDS, which is 0 in development so that pages show an edit at once: they follow
# every edit through the generation, and computing the map takes tens of milliseconds at scale.
CLUSTERS_REACHED_SECONDS = 60


@dataclass(frozen=True)
class ActiveClusters:
    """The active clusters' slugs by id, and their names in every language by slug."""

    slug_of: dict  # {cluster id: slug}
    names_by_slug: dict  # {slug: {name column: name}}

    def names(self) -> dict[str, str]:
        """{slug: name} in the reader's language, else the original."""
        name_column = column("name", active_language())
        return {
            slug: names.get(name_column) or names["name"]
            for slug, names in self.names_by_slug.items()
        }


def _active_clusters() -> ActiveClusters:
    """The active clusters, kept until content changes (saving a cluster starts a generation)."""
    return kept_for_content(
        "search:active-clusters", _active_clusters_compute, CLUSTERS_REACHED_SECONDS
    )


def _active_clusters_compute() -> ActiveClusters:
    name_columns = ["name", *(column("name", code) for code in language_codes())]
    rows = (
        QuerySet(model=Cluster)
        .filter(is_active=True)
        .order_by()
        .values("id", "slug", *name_columns)
    )
    return ActiveClusters(
        slug_of={row["id"]: row["slug"] for row in rows},
        names_by_slug={row["slug"]: {name: row[name] for name in name_columns} for row in rows},
    )


@dataclass(frozen=True)
class ClustersReached:
    """Which active clusters each row of a type reaches through many rows of another relation (a
    partner through its projects)."""

    slugs_of: dict  # {row id: frozenset of cluster slugs}


# A search whose candidates hold at most this many rows of such a type asks for their clusters
# alone when the whole map is not kept: 0.3 ms for a few partners, against 8-9 ms for every
# partner's (the first search after a change or a restart of the cache).
FEW_ROWS_REACHING = 50


def _clusters_reached(
    search_type: SearchType, ids: list, active: ActiveClusters
) -> ClustersReached:
    """The clusters among `active` that each row of `search_type` reaches (at least each of
    `ids`), kept until content changes.

    Counting them per search read the relation for every candidate and cluster: 250 partners
    matching a common word reach their clusters through 19,000 project links, and the EXISTS per
    partner and cluster took 15-17 ms of a 25 ms facets query. Which partner reaches which
    cluster changes only when a project, a partnership or a cluster is saved, each of which
    starts a new content generation; a change no generation sees shows within
    CLUSTERS_REACHED_SECONDS.
    """
    return kept_for_content(
        f"search:clusters-reached:{search_type.key}",
        lambda: _clusters_reached_compute(search_type, active),
        CLUSTERS_REACHED_SECONDS,
        until_kept=(
            (lambda: _clusters_reached_compute(search_type, active, ids))
            if len(ids) <= FEW_ROWS_REACHING
            else None
        ),
    )


def _clusters_reached_compute(
    search_type: SearchType, active: ActiveClusters, ids: list | None = None
) -> ClustersReached:
    """The `active` clusters of every row of the type, or of `ids` alone."""
    slug_of = active.slug_of
    slugs_of: dict = {}
    for pk, cluster_id in search_type.cluster_pairs(ids):
        if cluster_id in slug_of:
            slugs_of.setdefault(pk, set()).add(slug_of[cluster_id])
    return ClustersReached(slugs_of={pk: frozenset(slugs) for pk, slugs in slugs_of.items()})


def search_run(*, query: str, filters: SearchFilters, page_number=1) -> SearchOutcome:
    """Search every type at once: counts per type, a preview (or a page) of each, and facets.

    The number of queries depends on the filters only: never on how many results there are,
    nor on which types have any.
    """
    hazards = hazards_named_in(query)
    with _prepared(query) as parsed:
        outcome = _search(query, parsed, hazards, filters=filters, page_number=page_number)
    # Made whatever the search finds, so that its queries do not depend on how much it finds.
    outcome.correction = (
        parsed.correction if isinstance(parsed, TextQuery) else corrected_from_names(query)
    )
    outcome.hazards = [hazard_label(name) for name in hazards]
    return outcome


def _search(
    query: str, parsed: str | TextQuery, hazards: list[str], *, filters, page_number
) -> SearchOutcome:
    type_counts: dict[str, int] = {}
    to_count: dict[str, QuerySet] = {}
    shown: list[tuple[SearchType, list]] = []
    for search_type in SEARCH_TYPES:
        is_shown = not filters.type or filters.type == search_type.key
        matched = _narrowed(search_type, _matching(search_type, parsed, hazards), filters)
        ids: list = []
        if matched is None:
            count = 0
        elif is_shown:
            ids = _ranked_ids(search_type, parsed, matched)
            count = len(ids)
        else:
            # Only its count is shown, in the type facet: counted below with the others.
            to_count[search_type.key] = matched
            continue
        type_counts[search_type.key] = count
        if is_shown:
            shown.append((search_type, ids))
    type_counts.update(_capped_counts(to_count))
    for _search_type, ids in shown:
        ids[CANDIDATE_LIMIT:] = []
    was_truncated = any(count > CANDIDATE_LIMIT for count in type_counts.values())
    type_counts = {key: min(count, CANDIDATE_LIMIT) for key, count in type_counts.items()}

    groups: list[SearchGroup] = []
    for search_type, ids in shown:
        group = SearchGroup(search_type=search_type, count=type_counts[search_type.key])
        groups.append(group)
        if filters.type:
            group.page = Paginator(ids, PAGE_SIZE).get_page(page_number)
            group.results = _rows(search_type, list(group.page.object_list))
            group.page.object_list = group.results
        else:
            group.results = _rows(search_type, ids[:PREVIEW_SIZE])

    cluster_counts, cluster_names, country_counts, year_counts = _facets_of(shown)
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
            key=lambda option: (-option.count, reading_key(option.label)),
        ),
        country_facet=sorted(
            (
                FacetOption(code, str(countries.name(code)), n, filters.country == code)
                for code, n in country_counts.items()
            ),
            key=lambda option: (-option.count, reading_key(option.label)),
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


def _corrected(query: str, words: list, nearest: list) -> str:
    """The query with each typed word replaced by its nearest dictionary word, if it has one;
    "" when no word is replaced."""
    corrected, end = [], 0
    for match, word in zip(words, nearest, strict=True):
        typed = match.group()
        if word and typed.islower():
            word = word.lower()  # "disater risk" -> "disaster risk", not "Disaster risk"
        corrected += [query[end : match.start()], word or typed]
        end = match.end()
    corrected.append(query[end:])
    text = "".join(corrected)
    return "" if text.lower() == query.lower() else text


def search_forgiving(
    *, query: str, filters: SearchFilters, page_number=1, correct: bool = True
) -> SearchOutcome:
    """search_run, then for a query with no or few results the corrected query: a search with
    no results shows the corrected query's results, one with a few offers it as a link."""
    outcome = search_run(query=query, filters=filters, page_number=page_number)
    suggestion = outcome.correction
    if not correct or outcome.total >= FEW_RESULTS or not suggestion:
        return outcome
    corrected = search_run(query=suggestion, filters=filters, page_number=page_number)
    if corrected.total <= outcome.total:
        return outcome
    if outcome.total:
        outcome.suggestion = suggestion
        return outcome
    corrected.suggestion = suggestion
    corrected.corrected_from = query
    return corrected


# Without PostgreSQL (the embedded database of `make run`) there is no trigram index nor
# dictionary table: the same names' words are read from the rows and compared by difflib, which
# is quick for a demo's few hundred names. How alike a word must be (difflib's ratio, 0-1):
# "disater"/"disaster" 0.93, "shenzen"/"shenzhen" 0.93, "tripolli"/"tripoli" 0.93.
MIN_LIKENESS_WITHOUT_POSTGRES = 0.8
_NAME_WORD_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def corrected_from_names(query: str) -> str:
    """The query with each typed word the names lack replaced by the nearest of their words, as
    the PostgreSQL dictionary (text_query) gives it; "" when no word is replaced."""
    words = _typed_words(query)
    dictionary = kept_for_content(
        "search:names-words", _names_words_compute, CLUSTERS_REACHED_SECONDS
    )
    nearest = []
    for match in words:
        term = reading_key(match.group())
        if term in dictionary:  # spelled as a name spells it: nothing to correct
            nearest.append(None)
            continue
        close = difflib.get_close_matches(
            term, dictionary, n=1, cutoff=MIN_LIKENESS_WITHOUT_POSTGRES
        )
        nearest.append(dictionary[close[0]] if close else None)
    return _corrected(query, words, nearest)


def _names_words_compute() -> dict[str, str]:
    """{word as compared: word as written} from the names of cities, clusters and pilots in
    every language and the tags: the words the PostgreSQL dictionary holds."""
    names: list[str] = list(Tag.objects.values_list("name", flat=True))
    for model, field_name in ((City, "name"), (Cluster, "name"), (Project, "title")):
        columns = columns_in_every_language(model, [field_name])
        for row in QuerySet(model=model).order_by().values_list(*columns):
            names += [name for name in row if name]
    words: dict[str, str] = {}
    for name in names:
        for word in _NAME_WORD_SEPARATORS.split(name):
            if len(word) >= 2 and not word.isdigit():
                words.setdefault(reading_key(word), word)
    return words


def _described(search_type: SearchType, row):
    """Give every result the same few attributes, so one template renders all types.

    Title and summary are the reader's language, else the original text marked with its lang and
    dir (as the `tr` filter does), so an English title on an Arabic page keeps its full stop at
    its end.
    """
    row.search_title = text_marked(*text_and_language(row, search_type.title_field))
    row.url = url_or_none(row)
    details: list[str] = []
    summary = text_paragraph(*text_and_language(row, "summary"))
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
            details.append(text_marked(*text_and_language(row.city, "name")))
    elif search_type.key == "resource":
        details = [row.get_kind_display()]
        if row.published_at:
            details.append(formats.date_format(row.published_at, "DATE_FORMAT"))
    elif search_type.key == "opportunity":
        details = [
            row.get_kind_display(),
            _("Deadline: %(date)s")
            % {"date": formats.date_format(localtime(row.deadline), "DATE_FORMAT")},
        ]
    elif search_type.key == "partner":
        # A partner's name is not translated: it is in the partner's own language.
        row.search_title = text_marked(row.display_name, original_language(row))
        details = [row.get_kind_display()]
        if row.country:
            details.append(row.country.name)
        description, language = text_and_language(row, "description")
        summary = text_paragraph(Truncator(description).words(30), language)
    # Each detail is escaped by the template's join unless it is marked safe (a marked name).
    row.search_details = [
        detail if isinstance(detail, SafeString) else str(detail) for detail in details if detail
    ]
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
# The /map/ page lists the GeoJSON endpoint's cities and pilot links as tables that work without
# JavaScript, the accessible alternative to the drawn map: their first rows, with links to the
# lists that page through all of them.


@dataclass
class PilotLink:
    project: Project
    first: ProjectCity
    second: ProjectCity


@dataclass
class MapTable:
    """One of the map's tables: its rows, for the first `shown` of `total` cities or pilots."""

    rows: list
    shown: int
    total: int

    @property
    def is_partial(self) -> bool:
        return self.shown < self.total


def map_city_set(*, cluster_slug: str = "") -> QuerySet[City]:
    """The map's cities (the page's table and the GeoJSON): every city, or a cluster's members
    with the cities of its published pilots, so that every pilot line has both its ends."""
    if not cluster_slug:
        return City.objects.all()
    cluster_pilots = (
        Project.objects.published()
        .filter(kind=ProjectKind.PILOT, clusters__slug=cluster_slug)
        .values("pk")
    )
    # Two lists of ids rather than one join of both: the join multiplied a city's memberships
    # by its pilots before the filter (45 ms at 5,000 cities, against 10 ms).
    return City.objects.filter(
        Q(pk__in=ClusterMembership.objects.filter(cluster__slug=cluster_slug).values("city_id"))
        | Q(pk__in=ProjectCity.objects.filter(project__in=cluster_pilots).values("city_id"))
    )


def map_memberships() -> QuerySet[ClusterMembership]:
    """The memberships the map names next to their cities: of active clusters only, in the
    clusters' order."""
    return ClusterMembership.objects.filter(cluster__in=public(Cluster)).order_by(
        "cluster__order", "cluster__name"
    )


def map_city_clusters() -> Prefetch:
    """Each map city's clusters (`map_memberships`), with what the map names of them, as a
    list (`map_clusters`: no filtered queryset built per city to hold them)."""
    return Prefetch(
        "cluster_memberships",
        queryset=map_memberships()
        .select_related("cluster")
        .only("city", "role", *cluster_name_columns(path="cluster__")),
        to_attr="map_clusters",
    )


def map_cities(*, cluster_slug: str = "", limit: int) -> MapTable:
    """The first `limit` of the map's cities, by the name they show."""
    cities = map_city_set(cluster_slug=cluster_slug)
    listed = cities.only(*CITY_NAME_FIELDS).prefetch_related(map_city_clusters())
    rows = list(listed.order_by(shown_text_order("name"), "pk")[:limit])
    for city in rows:
        city.url = url_or_none(city)
    return MapTable(rows=rows, shown=len(rows), total=cities.count())


def map_pilot_links(*, cluster_slug: str = "", limit: int) -> MapTable:
    """Every pair of cities that the `limit` most recently published pilots link, with each
    city's role; the total counts pilots. (By title, the first 100 of 20,000 pilots took 40 ms
    to find: no index reads them in that order in every language.)"""
    pilots = Project.objects.published().filter(kind=ProjectKind.PILOT)
    if cluster_slug:
        pilots = pilots.filter(
            pk__in=Project.objects.filter(clusters__slug=cluster_slug).values("pk")
        )
    listed = pilots.only("original_language", "slug", "title").prefetch_related(
        pilot_card_city_links(to_attr="map_city_links")
    )
    links = []
    shown = list(listed.order_by("-published_at", "-pk")[:limit])
    for pilot in shown:
        pilot.url = url_or_none(pilot)
        for city_link in pilot.map_city_links:
            city_link.city.url = url_or_none(city_link.city)
        for first, second in combinations(pilot.map_city_links, 2):
            links.append(PilotLink(project=pilot, first=first, second=second))
    return MapTable(rows=links, shown=len(shown), total=pilots.count())
