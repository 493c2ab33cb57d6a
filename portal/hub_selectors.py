"""Reads of the hub pages: a cluster, a city, a pilot and a partner with what they gather.

These pages span the domain apps (a city page shows its clusters, pilots, events and resources),
so they live in the top layer rather than in any one of those apps.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Func, IntegerField, OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Organization
from cities.models import City
from cities.selectors import city_name_columns
from clusters.models import Cluster, ClusterMembership
from clusters.selectors import cluster_name_columns
from core.content_language import columns_in_every_language, shown_text_order
from core.models import PublicationStatus
from core.selectors import first_rows
from core.visibility import public, public_prefetch
from events.models import Event, EventCoHost, TrainingSeries
from events.selectors import EVENT_ITEM_FIELDS
from projects.models import (
    Project,
    ProjectCity,
    ProjectKind,
    ProjectPartner,
    ProjectPhase,
    ProjectUpdate,
)
from projects.selectors import (
    PILOT_CARD_FIELDS,
    PROGRAMME_PAGE_PILOTS,
    pilot_card_city_links,
    programme_pilots_attach,
)
from resources.models import Resource, ResourceKind
from resources.selectors import RESOURCE_ITEM_FIELDS

DETAIL_LIST_SIZE = 10


# --- Clusters -----------------------------------------------------------------------------------


def _count_of(queryset) -> Subquery:
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def cluster_cards() -> list[Cluster]:
    """Active clusters with the two figures a card shows, in two queries.

    Member cities are a correlated count (counting them with pilots over one join multiplied
    every membership by every pilot). Active pilots are counted for every cluster at once:
    per cluster, PostgreSQL read the whole pilot table again to filter on kind, phase and status
    (seven passes over 62 MB at scale, 50-160 ms); one grouped pass reads it once.
    """
    clusters = list(
        Cluster.objects.active().annotate(
            member_city_count=_count_of(ClusterMembership.objects.filter(cluster=OuterRef("pk")))
        )
    )
    active_pilots = dict(
        Project.clusters.through.objects.filter(
            cluster__in=[cluster.pk for cluster in clusters],
            project__kind=ProjectKind.PILOT,
            project__phase=ProjectPhase.ACTIVE,
            project__status=PublicationStatus.PUBLISHED,
        )
        .values_list("cluster_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for cluster in clusters:
        cluster.active_pilot_count = active_pilots.get(cluster.pk, 0)
    return clusters


def cluster_get(*, slug: str) -> Cluster:
    return get_object_or_404(Cluster.objects.active(), slug=slug)


def cluster_memberships(*, cluster: Cluster, limit: int):
    # Lead cities first: "lead" sorts before "member". Chosen by id first: sorted with every
    # city's whole row, a thousand members cost 5.4 ms at scale, by id 3.2 ms.
    return first_rows(
        ClusterMembership.objects.filter(cluster=cluster)
        .select_related("city")
        .only("role", "city", *city_name_columns(path="city__"))
        # By the name the page shows, in its language (core.content_language): by the language's
        # own column, an Arabic page put every member with no Arabic name first.
        .order_by("role", shown_text_order("name", path="city__"), "city_id"),
        limit,
    )


def cluster_pilots(*, cluster: Cluster):
    return (
        Project.objects.published()
        .pilots()
        .filter(clusters=cluster)
        .prefetch_related(pilot_card_city_links())
        .only(*PILOT_CARD_FIELDS)
        .order_by("-start_date", "title")
    )


def cluster_upcoming_events(*, cluster: Cluster, limit: int):
    # Chosen by id first, from the upcoming events' index alone: 9.3 ms at scale with every
    # upcoming event's row and city read and sorted, 3.2 ms by id.
    return first_rows(
        Event.objects.published()
        .upcoming()
        .filter(clusters=cluster)
        .select_related("city")
        .only(*EVENT_ITEM_FIELDS),
        limit,
    )


def cluster_past_events(*, cluster: Cluster, limit: int = DETAIL_LIST_SIZE):
    # Chosen by id first, from the start-time index alone: with every row read as it was
    # filtered, the upcoming events it skips cost 3-5 ms at scale.
    return first_rows(
        Event.objects.published()
        .past()
        .filter(clusters=cluster)
        .select_related("city")
        .only(*EVENT_ITEM_FIELDS),
        limit,
    )


def cluster_resources(*, cluster: Cluster, limit: int = DETAIL_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(clusters=cluster)
        .exclude(kind=ResourceKind.NEWS)
        .only(*RESOURCE_ITEM_FIELDS)
        .order_by("-published_at", "-pk")[:limit]
    )


def cluster_news(*, cluster: Cluster, limit: int = DETAIL_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(clusters=cluster, kind=ResourceKind.NEWS)
        .only(*RESOURCE_ITEM_FIELDS)
        .order_by("-published_at", "-pk")[:limit]
    )


def cluster_feed_items(*, cluster: Cluster, limit: int = 30):
    """The cluster's newest published pilots, events and resources, newest first."""
    sources = [
        Project.objects.published().pilots().filter(clusters=cluster),
        Event.objects.published().filter(clusters=cluster),
        Resource.objects.published().filter(clusters=cluster),
    ]
    items = [item for queryset in sources for item in queryset.order_by("-published_at")[:limit]]
    items.sort(key=lambda item: item.published_at, reverse=True)
    return items[:limit]


# A subscribed calendar wants what is coming and what just happened, not the whole archive: at
# scale a cluster holds thousands of events, and every poll would rebuild all of them.
CALENDAR_PAST_DAYS = 90
CALENDAR_MAX_EVENTS = 500


def cluster_calendar_events(*, cluster: Cluster):
    since = timezone.now() - timedelta(days=CALENDAR_PAST_DAYS)
    return (
        Event.objects.published()
        .filter(clusters=cluster, ends_at__gte=since)
        .select_related("city")
        .order_by("starts_at")[:CALENDAR_MAX_EVENTS]
    )


# --- Cities -------------------------------------------------------------------------------------


def _active_memberships():
    # The page names each cluster, in its colour (the list and the map): not its texts.
    return (
        ClusterMembership.objects.filter(cluster__in=public(Cluster))
        .select_related("cluster")
        .only("role", "city", "cluster", *cluster_name_columns(path="cluster__"))
        .order_by("cluster__order", "cluster__name")
    )


def city_get(*, slug: str) -> City:
    return get_object_or_404(City, slug=slug)


def city_memberships(*, city: City):
    return _active_memberships().filter(city=city)


# What the city page shows of a pilot it lists (its linked title and its phase): not its body and
# summary in every language, which were most of what these rows read.
def _listed_project() -> list[str]:
    return columns_in_every_language(
        Project, ("original_language", "slug", "title", "phase"), path="project__"
    )


def city_project_links(*, city: City):
    """The city's published projects, each with the role the city plays in it."""
    return (
        ProjectCity.objects.filter(city=city, project__in=public(Project))
        .select_related("project")
        .only("role", "project", *_listed_project())
        .order_by("-project__start_date", "project__title")
    )


def city_partner_cities(*, city: City) -> list[tuple[City, list[Project]]]:
    """Other cities this one works with, each with the published projects they share."""
    links = (
        ProjectCity.objects.filter(project__in=public(Project).filter(city_links__city=city))
        .exclude(city=city)
        .select_related("city", "project")
        .only(
            "city",
            "project",
            *city_name_columns(path="city__"),
            *_listed_project(),
        )
        .order_by("city__name", "project__title")
    )
    partners: dict[int, tuple[City, list[Project]]] = {}
    for link in links:
        partners.setdefault(link.city_id, (link.city, []))[1].append(link.project)
    return list(partners.values())


def city_upcoming_events(*, city: City):
    return (
        Event.objects.published()
        .upcoming()
        .filter(city=city)
        .select_related("city")
        .only(*EVENT_ITEM_FIELDS)
    )


def city_past_events(*, city: City, limit: int = DETAIL_LIST_SIZE):
    return (
        Event.objects.published()
        .past()
        .filter(city=city)
        .select_related("city")
        .only(*EVENT_ITEM_FIELDS)[:limit]
    )


def city_resources(*, city: City, limit: int = DETAIL_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(cities=city)
        .only(*RESOURCE_ITEM_FIELDS)
        .order_by("-published_at", "-pk")[:limit]
    )


# --- Pilots -------------------------------------------------------------------------------------


def project_detail(*, slug: str) -> Project:
    """A published project with every related row its page shows; drafts are not found."""
    # Every related item through the visibility rule: a pilot never names a draft programme,
    # pilot, event, resource or update, nor an inactive cluster.
    queryset = Project.objects.published().prefetch_related(
        public_prefetch("parent", Project),
        public_prefetch("clusters", Cluster),
        "tags",
        Prefetch(
            "city_links",
            queryset=ProjectCity.objects.select_related("city").order_by("role", "city__name"),
        ),
        Prefetch(
            "partner_links",
            queryset=ProjectPartner.objects.select_related("organization"),
        ),
        "milestones",
        public_prefetch(
            "updates",
            ProjectUpdate.objects.order_by("-published_at"),
            to_attr="published_updates",
        ),
        public_prefetch(
            "events",
            Event.objects.select_related("city").order_by("-starts_at"),
            to_attr="published_events",
        ),
        public_prefetch(
            "resources", Resource.objects.order_by("-published_at"), to_attr="published_resources"
        ),
    )
    project = get_object_or_404(queryset, slug=slug)
    programme_pilots_attach([project], limit=PROGRAMME_PAGE_PILOTS)
    return project


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    kind: str  # "milestone" or "update"
    title: str
    body: str
    is_done: bool
    is_upcoming: bool = False
    # The milestone or update itself and its Markdown field, so the page shows both texts in
    # the reader's language with the honest fallback (core.templatetags.content_language).
    item: object = None
    body_field: str = "body"

    @property
    def is_milestone(self) -> bool:
        return self.kind == "milestone"


def project_timeline(*, project: Project) -> list[TimelineEntry]:
    """Milestones and published updates as one story, newest first.

    A milestone sits at the day it was completed, or at its due day while still ahead.
    Uses the rows `project_detail` prefetched, so it costs no query.
    """
    today = timezone.localdate()
    entries = [
        TimelineEntry(
            date=milestone.completed_on or milestone.due_on,
            kind="milestone",
            title=milestone.title,
            body=milestone.description,
            is_done=milestone.is_completed,
            is_upcoming=not milestone.is_completed and milestone.due_on >= today,
            item=milestone,
            body_field="description",
        )
        for milestone in project.milestones.all()
    ]
    entries += [
        TimelineEntry(
            date=timezone.localdate(update.published_at),
            kind="update",
            title=update.title,
            body=update.body,
            is_done=True,
            item=update,
        )
        for update in project.published_updates
    ]
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def _city_point(city: City, **properties) -> dict:
    """A city as the maps draw it; GeoJSON orders coordinates longitude first."""
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [float(city.longitude), float(city.latitude)],
        },
        "properties": {
            "kind": "city",
            "name": city.name,
            "slug": city.slug,
            "country_name": str(city.country.name),
            "url": city.get_absolute_url(),
            **properties,
        },
    }


def city_map_geojson(*, city: City, memberships: list[ClusterMembership]) -> dict:
    """The city as a GeoJSON point for the small map of its page, in its first cluster's colour.

    Its popup names the city and country; the page itself lists its clusters and pilots.
    """
    colour = memberships[0].cluster.colour if memberships else ""
    return {"type": "FeatureCollection", "features": [_city_point(city, colour=colour)]}


def project_map_geojson(*, project: Project) -> dict:
    """The linked cities as GeoJSON points plus the line between them, for the pilot's map.

    The page says the same in words, so the map is an enhancement rather than the only way in.
    """
    links = list(project.city_links.all())
    # The dots take the colour of the pilot's first cluster (its clusters are on the page too).
    clusters = list(project.clusters.all())
    colour = clusters[0].colour if clusters else ""
    features = [
        _city_point(
            link.city, role=link.role, role_label=str(link.get_role_display()), colour=colour
        )
        for link in links
    ]
    if len(features) > 1:
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [f["geometry"]["coordinates"] for f in features],
                },
                "properties": {"kind": "pilot-link", "title": project.title, "slug": project.slug},
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- Partners -----------------------------------------------------------------------------------


def partner_get(*, slug: str) -> Organization:
    return get_object_or_404(Organization, slug=slug)


def partner_project_links(*, organization: Organization):
    """Each published project the organization works on, once per role it plays there."""
    return (
        ProjectPartner.objects.filter(organization=organization, project__in=public(Project))
        .select_related("project")
        .order_by("-project__start_date", "project__title", "role")
    )


def partner_event_links(*, organization: Organization):
    return (
        EventCoHost.objects.filter(organization=organization, event__in=public(Event))
        .select_related("event", "event__city")
        .order_by("-event__starts_at")
    )


def partner_training_series(*, organization: Organization):
    return TrainingSeries.objects.published().filter(organizers=organization)


def partner_resources(*, organization: Organization, limit: int = DETAIL_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(organizations=organization)
        .order_by("-published_at", "-pk")[:limit]
    )
