"""Reads of matchmaking: a city's suggestions for its page, the API and "My portal"; the matrix.

A city's suggestions are a few indexed rows (CityMatch, best first) plus one query per kind for
the public objects they name: a fixed number of queries whatever the number of cities, and no
suggestion names a draft, a withdrawn pilot or a past event's hidden page.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from accounts.models import OrganizationOffer
from cities.models import City, CityNeed, CityOffer, Region
from clusters.models import Cluster, Topic
from clusters.selectors import cluster_name_columns, topic_name_columns
from core.roles import CITY_OFFICIAL
from core.suggestions import suggestion_sources, suggestion_url
from projects.models import CollaborationRequest, CollaborationStatus

from .models import CityMatch
from .reasons import ReasonNames, reason_names_for, reasons_text

CITY_PAGE_LIMIT = 6


@dataclass(frozen=True)
class Suggestion:
    """One suggestion as a page, the API or a digest shows it."""

    match: CityMatch
    kind: str
    kind_label: str
    obj: object
    title: str
    url: str
    score: int
    score_parts: dict
    reasons: str  # in the active language
    topic: Topic | None
    propose_url: str  # the pre-filled collaboration request form; "" where there is none

    @property
    def first_seen_at(self):
        return self.match.first_seen_at


def _title(obj) -> str:
    for name in ("title", "display_name", "name"):
        value = getattr(obj, name, None)
        if value:
            return str(value)
    return str(obj)


def _reason_name(obj) -> str:
    """How a reason names a suggestion: a pilot's or an event's title, a city's name, an
    organization's acronym (as the refresh named them, but in the active language)."""
    for name in ("title", "acronym", "name"):
        value = getattr(obj, name, None)
        if value:
            return str(value)
    return str(obj)


def _propose_url(source, obj, *, city: City, topic: Topic | None) -> str:
    if source.propose is None:
        return ""
    params = source.propose(obj)
    if not params:
        return ""
    params = {**params, "from_city": city.slug}
    if topic is not None:
        params["topic"] = topic.slug
    return f"{reverse('collaboration:new')}?{urlencode(params)}"


def suggestions_from_rows(
    rows, *, city: City | None = None, limit: int | None = None
) -> list[Suggestion]:
    """Rows as Suggestions, in their order, leaving out what the public may not see (one query
    per registered kind), the first `limit` of them (all with None). Rows of one `city`, or of
    several cities (their `city` selected)."""
    rows = list(rows)
    ids_by_kind = defaultdict(set)
    for row in rows:
        ids_by_kind[row.kind].add(row.target_id)
    # Every source is asked, those with no rows here too: a page costs the same queries
    # whichever kinds of suggestion its city has.
    objects = {
        source.kind: (source, source.public_objects(ids_by_kind.get(source.kind, ())))
        for source in suggestion_sources()
    }
    shown = []
    for row in rows:
        # A page reads twice the rows it shows, in case some name what the public may not see:
        # only those it shows are put in words.
        if limit is not None and len(shown) >= limit:
            break
        source, found = objects.get(row.kind, (None, {}))
        obj = found.get(row.target_id)
        if obj is not None:
            shown.append((row, source, obj))
    # Names inside the reasons, in the active language (two queries for the whole batch).
    topic_names, cluster_names = reason_names_for(row.reasons for row, _source, _obj in shown)
    suggestions = []
    for row, source, obj in shown:
        for_city = city or row.city
        names = ReasonNames(
            who=_reason_name(obj),
            city=str(for_city.name),
            topics=topic_names,
            clusters=cluster_names,
        )
        suggestions.append(
            Suggestion(
                match=row,
                kind=row.kind,
                kind_label=str(source.label),
                obj=obj,
                title=_title(obj),
                url=suggestion_url(source, obj),
                score=row.score,
                score_parts=row.score_parts,
                reasons=reasons_text(row.reasons, names),
                topic=row.topic,
                propose_url=_propose_url(source, obj, city=for_city, topic=row.topic),
            )
        )
    return suggestions


def city_match_rows(*, city: City):
    return (
        CityMatch.objects.filter(city=city)
        .select_related("topic")
        .order_by("-score", "kind", "target_id")
    )


def matches_for_city(city: City, limit: int | None = CITY_PAGE_LIMIT) -> list[Suggestion]:
    """`city`'s best suggestions, best first (all of them with `limit=None`).

    A city has tens of stored rows and a page shows six: only the best few rows are turned into
    suggestions, and more are read only when some of those name what the public may not see
    (a pilot withdrawn since the last refresh).
    """
    rows = city_match_rows(city=city)
    if limit is None:
        return suggestions_from_rows(rows, city=city)
    suggestions, start, size = [], 0, 2 * limit
    while True:
        chunk = list(rows[start : start + size])
        suggestions += suggestions_from_rows(chunk, city=city, limit=limit - len(suggestions))
        if len(suggestions) >= limit or len(chunk) < size:
            return suggestions[:limit]
        start, size = start + size, 4 * size


def city_matches_for_official(user, limit: int | None = CITY_PAGE_LIMIT) -> list[Suggestion]:
    """The suggestions of the city a city official works for ("My portal"); none for others."""
    if not getattr(user, "is_authenticated", False) or not user.city_id:
        return []
    if not user.has_role(CITY_OFFICIAL):
        return []
    return matches_for_city(user.city, limit)


def city_needs_and_offers(*, city: City) -> tuple[list, list]:
    """(needs, offers) of a city for its page, each with its topic and cluster (two queries).

    Each reads its note and contact, and its topic's and cluster's names: not the cluster's
    texts in every language, which were most of what these rows read.
    """
    fields = (
        "city",
        "topic",
        "note",
        "contact_role",
        "topic__cluster",
        *topic_name_columns(path="topic__"),
        *cluster_name_columns(path="topic__cluster__"),
    )
    needs, offers = (
        list(model.objects.filter(city=city).select_related("topic__cluster").only(*fields))
        for model in (CityNeed, CityOffer)
    )
    return needs, offers


# --- The staff page -----------------------------------------------------------------------------


@dataclass
class TopicRow:
    topic: Topic
    needs: dict  # region -> number of cities
    offers: dict  # region -> number of cities
    need_total: int = 0
    offer_total: int = 0  # cities
    organization_offers: int = 0
    requests: int = 0
    accepted: int = 0
    cells: list = field(default_factory=list)  # (region label, needs, offers), where any

    @property
    def unmet(self) -> bool:
        return self.need_total > 0 and self.offer_total == 0 and self.organization_offers == 0


@dataclass
class ClusterBlock:
    cluster: Cluster
    rows: list[TopicRow]


UNMET_MINIMUM = 2  # "many cities need it": at least this many


def _region_counts(model, *, region: str):
    queryset = model.objects.all()
    if region:
        queryset = queryset.filter(city__region=region)
    counts = defaultdict(dict)
    for topic_id, city_region, number in (
        queryset.values_list("topic_id", "city__region").annotate(n=Count("city", distinct=True))
    ).order_by():
        counts[topic_id][city_region] = number
    return counts


def matrix(*, cluster: Cluster | None = None, region: str = "") -> dict:
    """The needs-by-offers matrix for staff: per cluster and topic, how many cities need and
    offer it in each region; the topics many need and nobody offers; what matches became."""
    topics = Topic.objects.select_related("cluster").order_by(
        "cluster__order", "cluster__name", "order", "name"
    )
    if cluster is not None:
        topics = topics.filter(cluster=cluster)
    regions = [(value, label) for value, label in Region.choices if not region or value == region]
    needs = _region_counts(CityNeed, region=region)
    offers = _region_counts(CityOffer, region=region)
    organization_offers = dict(
        OrganizationOffer.objects.values_list("topic_id").annotate(n=Count("pk")).order_by()
    )
    requests = CollaborationRequest.objects.filter(topic__isnull=False, from_city__isnull=False)
    if region:
        requests = requests.filter(from_city__region=region)
    outcomes = {
        topic_id: (total, accepted)
        for topic_id, total, accepted in requests.values_list("topic_id")
        .annotate(
            total=Count("pk"),
            accepted=Count("pk", filter=Q(status=CollaborationStatus.ACCEPTED)),
        )
        .order_by()
        .values_list("topic_id", "total", "accepted")
    }
    blocks: dict[int, ClusterBlock] = {}
    unmet = []
    for topic in topics:
        row = TopicRow(
            topic=topic,
            needs=needs.get(topic.pk, {}),
            offers=offers.get(topic.pk, {}),
            organization_offers=organization_offers.get(topic.pk, 0),
        )
        row.cells = [
            (label, row.needs.get(value, 0), row.offers.get(value, 0))
            for value, label in regions
            if row.needs.get(value) or row.offers.get(value)
        ]
        row.need_total = sum(row.needs.values())
        row.offer_total = sum(row.offers.values())
        row.requests, row.accepted = outcomes.get(topic.pk, (0, 0))
        block = blocks.setdefault(topic.cluster_id, ClusterBlock(cluster=topic.cluster, rows=[]))
        block.rows.append(row)
        if row.unmet and row.need_total >= UNMET_MINIMUM:
            unmet.append(row)
    unmet.sort(key=lambda row: (-row.need_total, row.topic.name))
    return {
        "blocks": list(blocks.values()),
        "unmet": unmet,
        "regions": regions,
        "totals": {
            "requests": sum(total for total, _accepted in outcomes.values()),
            "accepted": sum(accepted for _total, accepted in outcomes.values()),
            "matches": CityMatch.objects.count(),
        },
    }


def match_requests(*, limit: int = 20):
    """The latest collaboration requests that grew out of a match (a city and a topic)."""
    return (
        CollaborationRequest.objects.filter(topic__isnull=False, from_city__isnull=False)
        .select_related("topic", "from_city", "city", "project", "cluster")
        .order_by("-created_at")[:limit]
    )
