"""What goes in one reader's digest: the period's items that concern them, grouped and capped.

A batch fetches the period's content once (`PeriodContent.fetch`), indexed by cluster, city and
pilot, so a reader's digest is put together from the items that concern them rather than by
scanning everything, and with no query of its own.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .content import SECTIONS, ContentItem, content_in_period
from .readers import DigestReader
from .registry import ClusterHeading, cluster_headings, digest_sections

UPCOMING_WINDOW = dt.timedelta(days=30)
# What one digest lists. A weekly email is read on a phone, often over a slow connection: one
# that lists every item (a hundred and more, ~70 kB) is scrolled past, not read. It shows the
# newest few of each group and says how many more are on the portal, where the rest is a click
# away (the cluster's page, or the reader's notifications).
GROUP_ITEM_LIMIT = 5  # newest items under one followed cluster (or "cities and pilots")
DIGEST_ITEM_LIMIT = 25  # newest items in all
UPCOMING_LIMIT = 5  # soonest upcoming events
SECTION_ITEM_LIMIT = 5  # newest items of a registered section ("New matches for your city")
FOLLOW_KINDS = ("clusters", "cities", "projects")
UNRANKED = (1 << 30, "")  # a cluster with no heading sorts last


@dataclass(frozen=True)
class DigestGroup:
    cluster: ClusterHeading | None  # None: "from cities and pilots you follow"
    sections: list  # [(section, [ContentItem])] in SECTIONS order, empty ones included
    more: int  # items of the group the caps left out


@dataclass(frozen=True)
class ComposedDigest:
    item_count: int
    shown_count: int
    groups: list[DigestGroup]
    upcoming: list[ContentItem]
    upcoming_more: int
    # Registered sections (notifications.registry.digest_sections): [(key, heading, [items])].
    extra_sections: tuple = ()


class PeriodContent:
    """What was published in [since, now] and the events of the next 30 days, indexed by target,
    with the headings of the clusters they sit in.

    Fetched once per batch, whatever the batch's readers follow: its size depends on how much was
    published, not on how many people read about it.
    """

    def __init__(self, *, new_items, upcoming, headings):
        self.new_by = _index(new_items)
        self.upcoming_by = _index(upcoming)  # soonest first
        self.headings = headings

    @classmethod
    def fetch(cls, *, since, now) -> "PeriodContent":
        new_items, upcoming = content_in_period(
            since=since, until=now, upcoming_until=now + UPCOMING_WINDOW
        )
        cluster_ids = set().union(*(item.cluster_ids for item in new_items))
        return cls(new_items=new_items, upcoming=upcoming, headings=cluster_headings(cluster_ids))

    def concerning(self, reader: DigestReader, *, upcoming=False) -> list[ContentItem]:
        """The items linked to anything the reader follows, each once, in the fetched order."""
        index = self.upcoming_by if upcoming else self.new_by
        found = {}
        for kind in FOLLOW_KINDS:
            for target in getattr(reader, kind):
                for position, item in index[kind].get(target, ()):
                    found[position] = item
        # The fetched order, so that ties in a reader's own sort come out the same on every run.
        return [found[position] for position in sorted(found)]


class SectionContent:
    """What the registered digest sections hold for a batch's readers, fetched once per batch."""

    def __init__(self, by_section: dict):
        self.by_section = by_section  # {key: (heading, {user id: [ContentItem]})}

    @classmethod
    def fetch(cls, *, readers, now) -> "SectionContent":
        if not readers or not digest_sections():
            return cls({})
        users = [reader.user for reader in readers]
        since = min(reader.since for reader in readers)
        return cls(
            {
                section.key: (section.heading, section.fetch(users=users, since=since, until=now))
                for section in digest_sections()
            }
        )

    def for_reader(self, reader: DigestReader) -> tuple:
        found = []
        for key, (heading, by_user) in self.by_section.items():
            items = [
                item
                for item in by_user.get(reader.user.pk, ())
                if reader.since is None or item.published_at >= reader.since
            ]
            items.sort(key=lambda item: item.published_at, reverse=True)
            if items:
                found.append((key, heading, items[:SECTION_ITEM_LIMIT]))
        return tuple(found)


def _index(items) -> dict:
    """{kind: {target id: [(position, item)]}}: where to look up what a reader follows."""
    index = {kind: defaultdict(list) for kind in FOLLOW_KINDS}
    for position, item in enumerate(items):
        for kind, ids in (
            ("clusters", item.cluster_ids),
            ("cities", item.city_ids),
            ("projects", item.project_ids),
        ):
            for target in ids:
                index[kind][target].append((position, item))
    return index


def digest_compose(
    *, reader: DigestReader, content: PeriodContent, sections: SectionContent | None = None
) -> ComposedDigest | None:
    """Which items go where in one reader's digest; None when nothing is new for them."""
    mine = [item for item in content.concerning(reader) if item.published_at >= reader.since]
    extra_sections = sections.for_reader(reader) if sections is not None else ()
    if not mine and not extra_sections:
        return None
    headings = content.headings

    def cluster_rank(pk):
        return headings[pk].rank if pk in headings else UNRANKED

    groups = defaultdict(lambda: defaultdict(list))
    shown, more = defaultdict(int), defaultdict(int)
    # Each item is counted once, under the first cluster of it the reader follows (else its
    # first); the newest are listed, up to the caps, and the rest only counted.
    for item in sorted(mine, key=lambda item: item.published_at, reverse=True):
        candidates = (item.cluster_ids & reader.clusters) or item.cluster_ids
        home = min(candidates, key=cluster_rank) if candidates else None
        if shown[home] < GROUP_ITEM_LIMIT and sum(shown.values()) < DIGEST_ITEM_LIMIT:
            groups[home][item.section].append(item)
            shown[home] += 1
        else:
            more[home] += 1
    ordered = sorted(groups, key=lambda pk: (pk is None, cluster_rank(pk) if pk else (0, "")))
    upcoming = content.concerning(reader, upcoming=True)
    return ComposedDigest(
        item_count=len(mine),
        shown_count=sum(shown.values()),
        groups=[
            DigestGroup(
                cluster=headings.get(pk),
                sections=[(section, groups[pk][section]) for section in SECTIONS],
                more=more[pk],
            )
            for pk in ordered
        ],
        upcoming=upcoming[:UPCOMING_LIMIT],
        upcoming_more=max(0, len(upcoming) - UPCOMING_LIMIT),
        extra_sections=extra_sections,
    )
