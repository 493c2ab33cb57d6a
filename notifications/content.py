"""What a published item is, for notifications: its kind, title, link and what it belongs to.

Followers are found through three kinds of target (cluster, city, pilot), so each item is reduced
to the ids of the clusters, cities and projects it sits in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from events.models import Event
from projects.models import Project, ProjectUpdate
from resources.models import Resource, ResourceKind

# Digest sections, in the order a reader sees them.
SECTION_PILOTS = "pilots"
SECTION_EVENTS = "events"
SECTION_RESOURCES = "resources"
SECTION_NEWS = "news"
SECTIONS = (SECTION_PILOTS, SECTION_EVENTS, SECTION_RESOURCES, SECTION_NEWS)
SECTION_LABELS = {
    SECTION_PILOTS: _("Pilots"),
    SECTION_EVENTS: _("Events"),
    SECTION_RESOURCES: _("Resources"),
    SECTION_NEWS: _("News"),
}


@dataclass(frozen=True)
class ContentItem:
    key: str  # "<model>:<pk>", unique across kinds
    verb: str
    section: str
    title: str
    summary: str
    path: str
    published_at: object
    cluster_ids: frozenset = frozenset()
    city_ids: frozenset = frozenset()
    project_ids: frozenset = frozenset()
    starts_at: object = None

    def concerns(self, *, cluster_ids, city_ids, project_ids) -> bool:
        return bool(
            self.cluster_ids & cluster_ids
            or self.city_ids & city_ids
            or self.project_ids & project_ids
        )


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


def object_path(obj) -> str:
    # A page that is not routed yet must not stop a notification from going out.
    try:
        if isinstance(obj, ProjectUpdate):
            return f"{obj.project.get_absolute_url()}#update-{obj.pk}"
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def resource_section(kind: str) -> str:
    return SECTION_NEWS if kind == ResourceKind.NEWS else SECTION_RESOURCES


def content_item_for(obj) -> ContentItem:
    """Describe one published object (a few queries: its links)."""
    if isinstance(obj, Project):
        return ContentItem(
            key=f"project:{obj.pk}",
            verb="published_pilot",
            section=SECTION_PILOTS,
            title=obj.title,
            summary=obj.summary,
            path=object_path(obj),
            published_at=obj.published_at,
            cluster_ids=frozenset(obj.clusters.values_list("pk", flat=True)),
            city_ids=frozenset(obj.city_links.values_list("city_id", flat=True)),
            project_ids=frozenset({obj.pk}),
        )
    if isinstance(obj, ProjectUpdate):
        project = obj.project
        return ContentItem(
            key=f"projectupdate:{obj.pk}",
            verb="published_update",
            section=SECTION_PILOTS,
            title=f"{project.title}: {obj.title}",
            summary="",
            path=object_path(obj),
            published_at=obj.published_at,
            cluster_ids=frozenset(project.clusters.values_list("pk", flat=True)),
            city_ids=frozenset(project.city_links.values_list("city_id", flat=True)),
            project_ids=frozenset({project.pk}),
        )
    if isinstance(obj, Event):
        return ContentItem(
            key=f"event:{obj.pk}",
            verb="published_event",
            section=SECTION_EVENTS,
            title=obj.title,
            summary=obj.summary,
            path=object_path(obj),
            published_at=obj.published_at,
            cluster_ids=frozenset(obj.clusters.values_list("pk", flat=True)),
            city_ids=frozenset({obj.city_id} if obj.city_id else ()),
            project_ids=frozenset(obj.projects.values_list("pk", flat=True)),
            starts_at=obj.starts_at,
        )
    if isinstance(obj, Resource):
        section = resource_section(obj.kind)
        return ContentItem(
            key=f"resource:{obj.pk}",
            verb="published_news" if section == SECTION_NEWS else "published_resource",
            section=section,
            title=obj.title,
            summary=obj.summary,
            path=object_path(obj),
            published_at=obj.published_at,
            cluster_ids=frozenset(obj.clusters.values_list("pk", flat=True)),
            city_ids=frozenset(obj.cities.values_list("pk", flat=True)),
            project_ids=frozenset(obj.projects.values_list("pk", flat=True)),
        )
    raise TypeError(f"{type(obj).__name__} is not content that followers are told about.")
