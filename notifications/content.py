"""What a published item is, for notifications: its kind, title, link and what it belongs to.

Followers are found through three kinds of target (cluster, city, pilot), so each item is reduced
to the ids of the clusters, cities and projects it sits in. The apps that own the content describe
it (notifications.registry content sources); this module is the one place that asks them, for
the immediate fan-out (`content_item_for`) and for the digests (`content_in_period`) alike.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.i18n import path_in_language

from .registry import content_source, content_sources

# Digest sections, in the order a reader sees them; a content source puts each item in one.
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


# One lazy type for every such text. `lazy()` builds a new proxy class, with a wrapper of each of
# str's methods, every time it is called: called per item, it cost a digest batch of 15,000 items
# about 100 MB and most of a second.
_text_when_read = lazy(lambda text_of: text_of(), str)


def in_reader_language(text_of):
    """A text read when the email is rendered, in the language then active: a content field
    (`in_reader_language(lambda: pilot.title)`) comes out in each reader's language, since
    every email is rendered inside its recipient's language (notifications.emails)."""
    return _text_when_read(text_of)


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
    note: str = ""  # a line under the title in both formats ("why": a match's reasons)


def absolute_url(path: str, *, language: str | None = None) -> str:
    """The portal page at `path`, in `language` (/fr/... for French; English has no prefix).

    Paths are stored as they were reversed, in whatever language was active then; the address
    an email gives is always moved into its reader's language.
    """
    if not path or path.startswith(("http://", "https://")):
        return path
    if language:
        path = path_in_language(path, language)
    return settings.SITE_URL.rstrip("/") + path


def page_path(obj, *, fragment: str = "") -> str:
    """`obj`'s page, optionally a place on it; blank when the page is not routed.

    A page that is not routed yet must not stop a notification from going out.
    """
    try:
        path = obj.get_absolute_url()
    except NoReverseMatch:
        return ""
    return f"{path}#{fragment}" if fragment else path


def content_key(obj) -> str:
    """The key of `obj`'s item, unique across content types and stable (notifications and their
    emails are keyed on it): its model's name and its id, "event:12", "projectupdate:3"."""
    return f"{obj._meta.model_name}:{obj.pk}"


def published_item(
    obj, *, verb: str, section: str, clusters, cities, projects, **more
) -> ContentItem:
    """The item of a published object with a title and a summary, read in each reader's
    language, and its links (sets of ids): what every content source's `describe` builds."""
    return ContentItem(
        key=content_key(obj),
        verb=verb,
        section=section,
        title=in_reader_language(lambda: obj.title),
        summary=in_reader_language(lambda: obj.summary),
        path=page_path(obj),
        published_at=obj.published_at,
        cluster_ids=frozenset(clusters),
        city_ids=frozenset(cities),
        project_ids=frozenset(projects),
        **more,
    )


def linked_ids(queryset, left: str, right: str) -> defaultdict:
    """{left id: {right ids}} from a link table's rows, in one query: for content sources."""
    links = defaultdict(set)
    for left_id, right_id in queryset.values_list(left, right):
        links[left_id].add(right_id)
    return links


def many_to_many_ids(relation, ids, *, among=None) -> defaultdict:
    """{object id: {related ids}} for the objects `ids` over a many-to-many `relation` of their
    model (`Event.clusters`), in one query on its link table; `among` (a queryset) keeps only the
    related objects in it (the public clusters)."""
    field = relation.field
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    conditions = {f"{source}_id__in": ids}
    if among is not None:
        conditions[f"{target}__in"] = among
    return linked_ids(relation.through.objects.filter(**conditions), f"{source}_id", f"{target}_id")


def content_item_for(obj) -> ContentItem:
    """Describe one published object (a few queries: its links)."""
    (item,) = content_source(obj).describe([obj])
    return item


def content_in_period(*, since, until, upcoming_until):
    """(new, upcoming): items published in [since, until], and those starting in
    (until, upcoming_until], soonest first; one item per object, shared by both lists.

    A fixed number of queries per content source, driven by the publication dates (indexed), not
    by what anyone follows: a week's content is a few hundred rows, while "linked to any of these
    clusters" matches most of the site.
    """
    new, upcoming = [], []
    for source in content_sources():
        objects = list(source.in_period(since=since, until=until, upcoming_until=upcoming_until))
        for item in source.describe(objects):
            if since <= item.published_at <= until:
                new.append(item)
            if item.starts_at is not None and until < item.starts_at <= upcoming_until:
                upcoming.append(item)
    upcoming.sort(key=lambda item: item.starts_at)
    return new, upcoming
