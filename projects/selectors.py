import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clusters.models import Resource
from events.models import Event

from .models import Project, ProjectCity, ProjectPartner, ProjectUpdate


def _published_pilots():
    return Project.objects.published().pilots().order_by("title")


def project_list() -> QuerySet[Project]:
    """Published programmes and pilots with what a list item shows, in a fixed number of queries."""
    return (
        Project.objects.published()
        .select_related("parent")
        .prefetch_related(
            "clusters",
            Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
            Prefetch("pilots", queryset=_published_pilots(), to_attr="published_pilots"),
        )
        .order_by("kind", "-start_date", "title")
    )


def project_detail(*, slug: str) -> Project:
    """A published project with every related row its page shows; drafts are not found."""
    queryset = Project.objects.published().prefetch_related(
        "clusters",
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
        Prefetch(
            "updates",
            queryset=ProjectUpdate.objects.published().order_by("-published_at"),
            to_attr="published_updates",
        ),
        Prefetch(
            "events",
            queryset=Event.objects.published().select_related("city").order_by("-starts_at"),
            to_attr="published_events",
        ),
        Prefetch(
            "resources",
            queryset=Resource.objects.published().order_by("-published_at"),
            to_attr="published_resources",
        ),
        Prefetch("pilots", queryset=_published_pilots(), to_attr="published_pilots"),
    )
    project = get_object_or_404(queryset.select_related("parent"), slug=slug)
    # A draft programme must not leak through its published pilot.
    if project.parent is not None and not project.parent.is_published:
        project.parent = None
    return project


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    kind: str  # "milestone" or "update"
    title: str
    body: str
    is_done: bool
    is_upcoming: bool = False

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
        )
        for update in project.published_updates
    ]
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def project_map_geojson(*, project: Project) -> dict:
    """The linked cities as GeoJSON points plus the line between them, for the pilot's map.

    The page says the same in words, so the map is an enhancement rather than the only way in.
    """
    links = list(project.city_links.all())
    # GeoJSON orders coordinates longitude first.
    coordinates = [[float(link.city.longitude), float(link.city.latitude)] for link in links]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": point},
            "properties": {
                "name": link.city.name,
                "slug": link.city.slug,
                "role": link.role,
                "role_label": str(link.get_role_display()),
                "url": link.city.get_absolute_url(),
            },
        }
        for link, point in zip(links, coordinates, strict=True)
    ]
    if len(coordinates) > 1:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": coordinates},
                "properties": {"kind": "pilot-link"},
            }
        )
    return {"type": "FeatureCollection", "features": features}
