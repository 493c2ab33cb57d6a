"""The one rule for related items: a public surface never names an item the public may not see.

A published event, pilot, resource or series may point at items that are not public themselves:
a draft or scheduled training series, programme, pilot, event, resource or update, or an
inactive cluster. Pages, API answers, Atom feeds, iCalendar files, search results and emails
show neither the title, the slug nor the link of such an item; to the reader the relation is
simply not there (an event in a draft series shows no series).

Each model says what "public" means for it, through two small methods, so this module needs to
import no domain app:

- its queryset's `public()`: `PublishableQuerySet.public()` is `published()` (published and due),
  `ClusterQuerySet.public()` is `active()`;
- the instance's `is_public`, for a row already loaded.

A model without them (a city, an organization) has no unpublished state: asking for its public
rows is a mistake and raises AttributeError rather than guessing.

Who sees what:

- Pages, feeds, calendars, sitemaps, search and emails show the public view to everyone, staff
  included: one page for all, so the page cache can keep it. Staff preview drafts in the editor.
- The API lets UN staff read drafts of the type they query (`core.api.visible_to`); the related
  items in an answer follow the same viewer, so staff see a draft programme as a pilot's parent
  and everyone else sees none. Kept answers are keyed on that audience (`core.api`: staff, or
  the public, signed in or not), so a staff answer never reaches anyone else.

How to use it: build the Prefetch of every related item a surface shows with `public_prefetch`
(many-to-many, reverse foreign key, or forward foreign key, where a hidden target reads as None)
instead of `select_related`; filter through relations with `public()`
(`ProjectCity.objects.filter(project__in=public(Project))`); and for a row already in hand use
`public_or_none` or `public_only`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Prefetch, QuerySet

from core.roles import is_editor

RowT = TypeVar("RowT", bound=Model)


def sees_unpublished(viewer) -> bool:
    """Whether this person reads drafts and inactive items where the API allows it (UN staff)."""
    return viewer is not None and is_editor(viewer)


def public(rows: type[Model] | QuerySet, *, viewer=None) -> QuerySet:
    """The rows of a model (or queryset) that the public may see; all of them for UN staff.

    Pass `viewer` only where the surface answers per person (the API); pages leave it out.
    """
    queryset = rows._default_manager.all() if isinstance(rows, type) else rows
    if sees_unpublished(viewer):
        return queryset
    return queryset.public()


def public_prefetch(
    lookup: str, rows: type[Model] | QuerySet, *, to_attr: str | None = None, viewer=None
) -> Prefetch:
    """Prefetch the related items at `lookup`, letting only the public ones through.

    Without `to_attr` the relation itself holds the filtered rows (`event.clusters.all()`), so
    every template and serializer reading it is safe. On a forward foreign key (`series`,
    `parent`) a hidden target reads as None; drop that relation from `select_related`, which
    would otherwise fill it first.
    """
    return Prefetch(lookup, queryset=public(rows, viewer=viewer), to_attr=to_attr)


def is_public(obj: Model) -> bool:
    return bool(obj.is_public)


def public_or_none(obj: RowT | None, *, viewer=None) -> RowT | None:
    """The related item if it may be shown, else None (for one row already loaded)."""
    if obj is None or sees_unpublished(viewer) or is_public(obj):
        return obj
    return None


def public_only(objs: Iterable[RowT], *, viewer=None) -> list[RowT]:
    """The related items that may be shown, in their order (for rows already loaded)."""
    if sees_unpublished(viewer):
        return list(objs)
    return [obj for obj in objs if is_public(obj)]
