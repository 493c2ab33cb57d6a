"""What the notifications app knows of the apps above it, told by those apps from `ready()`.

notifications sits below every app whose content it announces, so it imports none of them (see
[tool.importlinter] in pyproject.toml). Each of those apps registers instead:

- `followable_register(model, field=, objects=)`: a model people can follow. `field` is the
  Subscription field that holds one ("cluster", "city" or "project"); `objects()` returns those
  that may be followed, looked up by slug by the Follow button and the subscriptions API.
- `content_source_register(model, describe=, in_period=)`: content whose publication followers
  are told about. `describe(objects)` returns one notifications.content.ContentItem per object,
  in their order, with a fixed number of queries however many there are (links fetched in bulk):
  the immediate fan-out describes one object with it, a digest batch a whole period's.
  `in_period(since=, until=, upcoming_until=)` returns the objects published in [since, until],
  newest first, plus, for content with a start time, those starting in (until, upcoming_until].
- `cluster_headings_register(lookup)`: `lookup(cluster_ids)` returns {id: ClusterHeading} in one
  query; a digest groups its items under these headings.
- `verb_labels_register(labels)`: how the `verb` of the notifications an app sends reads.
- `digest_section_register(key, heading=, fetch=)`: a section of a digest that is not about what
  its reader follows ("New matches for your city"). `fetch(users=, since=, until=)` returns
  {user id: [ContentItem]} for a batch's readers in a fixed number of queries, each item dated
  by `published_at`; a reader is shown those dated after their own digest's start.

Lookups run per call or per digest batch, never per reader.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Followable:
    field: str
    model: type[models.Model]
    objects: Callable[[], models.QuerySet]


@dataclass(frozen=True)
class ContentSource:
    model: type[models.Model]
    describe: Callable[[Sequence[models.Model]], list]
    in_period: Callable[..., Iterable[models.Model]]


@dataclass(frozen=True)
class ClusterHeading:
    """What a digest shows above the items of one cluster, and where its "more" line links."""

    pk: int
    name: str
    path: str
    rank: tuple  # clusters sort by it (their editorial order, then name)


_FOLLOWABLE: dict[str, Followable] = {}
_CONTENT_SOURCES: dict[type[models.Model], ContentSource] = {}
_cluster_headings_lookup: Callable[[Iterable[int]], dict[int, ClusterHeading]] | None = None
_VERB_LABELS: dict[str, str] = {}
_DIGEST_SECTIONS: dict[str, "DigestSection"] = {}


@dataclass(frozen=True)
class DigestSection:
    key: str
    heading: object  # a lazy string, read in the reader's language
    fetch: Callable[..., Mapping[int, list]]


def followable_register(model, *, field: str, objects) -> None:
    _FOLLOWABLE[field] = Followable(field=field, model=model, objects=objects)


def followable(field: str) -> Followable | None:
    """What the Subscription field `field` follows; None if nothing registered it."""
    return _FOLLOWABLE.get(field)


def followable_field(target) -> str:
    """The Subscription field that holds `target`; ValueError if it cannot be followed."""
    for entry in _FOLLOWABLE.values():
        if type(target) is entry.model:
            return entry.field
    raise ValueError(f"{type(target).__name__} cannot be followed.")


def content_source_register(model, *, describe, in_period) -> None:
    # Registration order (INSTALLED_APPS order) is the order a digest fetches items in, which is
    # how ties in publication time are broken, the same way on every run.
    _CONTENT_SOURCES[model] = ContentSource(model=model, describe=describe, in_period=in_period)


def content_sources() -> tuple[ContentSource, ...]:
    return tuple(_CONTENT_SOURCES.values())


def content_source(obj) -> ContentSource:
    """The source that describes `obj`; TypeError for content followers are not told about."""
    try:
        return _CONTENT_SOURCES[type(obj)]
    except KeyError:
        raise TypeError(
            f"{type(obj).__name__} is not content that followers are told about."
        ) from None


def cluster_headings_register(lookup) -> None:
    global _cluster_headings_lookup  # one lookup, set once from ClustersConfig.ready()
    _cluster_headings_lookup = lookup


def cluster_headings(cluster_ids) -> dict[int, ClusterHeading]:
    """{id: ClusterHeading} of these clusters; empty when no app registered a lookup."""
    ids = set(cluster_ids)
    if not ids or _cluster_headings_lookup is None:
        return {}
    return _cluster_headings_lookup(ids)


def verb_labels_register(labels: Mapping[str, str]) -> None:
    _VERB_LABELS.update(labels)


def verb_label(verb: str) -> str:
    """How a notification's verb reads; unregistered verbs read as their words ("role request
    approved")."""
    return str(_VERB_LABELS.get(verb, verb.replace("_", " ").capitalize()))


def digest_section_register(key: str, *, heading, fetch) -> None:
    _DIGEST_SECTIONS[key] = DigestSection(key=key, heading=heading, fetch=fetch)


def digest_sections() -> tuple[DigestSection, ...]:
    return tuple(_DIGEST_SECTIONS.values())
