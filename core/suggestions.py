"""Where suggestions for a city come from: a registry that apps fill from their `ready()`.

Matchmaking (the `matchmaking` app) suggests to each city what answers its needs: peer cities,
pilots, events, organizations, and whatever else an app registers here (an opportunities app
adds its fellowships). The registry sits in core so that any app, whatever its layer, can be a
source without importing the matchmaking app, and matchmaking imports no source's code.

A source is given a `CityNeeds` (what the city needs and what it already does) and returns
`Candidate`s: each says which of the city's needed topics it covers and what else the two share.
Matchmaking scores them (`matchmaking.scoring`), keeps the best, stores them, and at display time
asks the source for the public objects behind the stored ids.

A source whose content changes (an opportunity opens, closes or changes its topics) calls
`suggestions_changed(topic_ids=..., city_ids=...)`: matchmaking registers the handler that
refreshes the cities concerned once the transaction commits.

`Candidate.verb` says how the reason reads (`matchmaking.reasons`):
    "offers"            "<who> offers <topics>, which <city> needs"        (a peer city)
    "works_on"          "it works on <topics>, which <city> needs"         (a pilot)
    "teaches"           "it covers <topics>, which <city> needs"           (an event, a training)
    "offers_expertise"  "<who> offers expertise in <topics>, which ..."    (an organization)
    "open_to"           "<who> is open to <city> and covers <topics>"      (an opportunity)
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

VERBS = ("offers", "works_on", "teaches", "offers_expertise", "open_to")


@dataclass(frozen=True)
class CityNeeds:
    """What a source knows of the city it suggests for; built once per city and refresh."""

    city_id: int
    city_name: str
    region: str
    country: str
    need_topics: Mapping[int, str]  # topic id -> name
    hazards: frozenset = frozenset()  # hazard names, lower case
    cluster_names: Mapping[int, str] = field(default_factory=dict)  # cluster id -> name
    # What the city already does, so it is not suggested again.
    project_ids: frozenset = frozenset()  # pilots and programmes it is in
    # {partner city id: topic ids their shared pilots cover}; an empty set covers everything.
    partner_cities: Mapping[int, frozenset] = field(default_factory=dict)
    partner_organizations: Mapping[int, frozenset] = field(default_factory=dict)
    registered_event_ids: frozenset = frozenset()  # events its officials registered for
    official_ids: frozenset = frozenset()
    now: dt.datetime | None = None

    def already_together(self, partners: Mapping[int, frozenset], target_id: int) -> frozenset:
        """Needed topics the city already works on with `target_id` (all of them when the shared
        pilots name no topic: then nothing about that partner is new)."""
        if target_id not in partners:
            return frozenset()
        covered = partners[target_id]
        return covered if covered else frozenset(self.need_topics)


@dataclass
class Candidate:
    """Something a source suggests, and why: the needed topics it covers, and what is shared."""

    target_id: int
    verb: str
    name: str  # how the reason names it ("Shenzhen", "NDRCC")
    topic_ids: frozenset  # needed topics it covers; a candidate without any is not kept
    hazards: frozenset = frozenset()  # hazards both face
    cluster_ids: frozenset = frozenset()  # clusters both are in
    same_region: bool = False
    # Further weighted facts by name (matchmaking.scoring.WEIGHTS): {"active": 1, "soon": 1}.
    signals: dict = field(default_factory=dict)
    # Further reasons, as {"code": ..., **params} (matchmaking.reasons knows the codes).
    extra_reasons: list = field(default_factory=list)


@dataclass(frozen=True)
class SuggestionSource:
    kind: str  # "city", "pilot", "event", "organization", "opportunity"...
    label: object  # a (lazy) plural heading: "Peer cities"
    # Candidates for one city; a fixed number of queries, whatever the city needs.
    candidates: Callable[[CityNeeds], Iterable[Candidate]]
    # {id: object} of these ids that the public may see (one query, asked even for no ids with
    # `core.selectors.among`, so that a page costs the same whichever kinds its city has); the
    # others are left out.
    public_objects: Callable[[Iterable[int]], dict]
    # Query parameters of the collaboration request form for a suggestion (the target and the
    # kind of collaboration), or None where a suggestion is not a collaboration target.
    propose: Callable[[object], dict | None] | None = None
    # The object's page; by default its get_absolute_url().
    url: Callable[[object], str] | None = None
    order: int = 100  # where its suggestions sort among equal scores


_SOURCES: dict[str, SuggestionSource] = {}


def suggestion_source_register(source: SuggestionSource) -> None:
    _SOURCES[source.kind] = source


def suggestion_sources() -> tuple[SuggestionSource, ...]:
    return tuple(sorted(_SOURCES.values(), key=lambda source: (source.order, source.kind)))


def suggestion_source(kind: str) -> SuggestionSource | None:
    return _SOURCES.get(kind)


def suggestion_url(source: SuggestionSource, obj) -> str:
    return source.url(obj) if source.url else obj.get_absolute_url()


_refresh_handlers: list[Callable[..., None]] = []


def suggestion_refresh_register(handler: Callable[..., None]) -> None:
    """`handler(city_ids=, topic_ids=)` refreshes those cities' suggestions and those of the
    cities that need these topics (matchmaking registers it)."""
    if handler not in _refresh_handlers:
        _refresh_handlers.append(handler)


def suggestions_changed(*, city_ids: Iterable[int] = (), topic_ids: Iterable[int] = ()) -> None:
    """Something a source suggests changed: refresh the cities concerned (after the commit)."""
    for handler in _refresh_handlers:
        handler(city_ids=set(city_ids), topic_ids=set(topic_ids))
