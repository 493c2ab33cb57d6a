"""Reads for the home page (a fixed handful of queries whatever the amount of content) and the
editor's desk's list of site pages."""

from django.db.models import Exists, OuterRef

from cities.models import City
from core.content_language import columns_in_every_language, shown_text_order
from core.selectors import first_rows
from core.visibility import public
from events.models import Event
from events.selectors import EVENT_ITEM_FIELDS
from projects.models import Project, ProjectCity
from projects.selectors import PILOT_CARD_FIELDS, pilot_card_city_links
from resources.models import Resource, ResourceKind
from resources.selectors import RESOURCE_ITEM_FIELDS

from .models import SitePage

HOME_LIST_SIZE = 5
HOME_MAP_FALLBACK_SIZE = 12


def home_latest_pilots(*, limit: int = HOME_LIST_SIZE):
    # A pilot card names its cities, not its clusters: no query for them.
    return (
        Project.objects.published()
        .pilots()
        .only(*PILOT_CARD_FIELDS)
        .order_by("-published_at", "-pk")
        .prefetch_related(pilot_card_city_links())[:limit]
    )


def home_upcoming_events(*, limit: int = HOME_LIST_SIZE):
    """The soonest few, picked from the events alone and only then joined to their city.

    Joined first, PostgreSQL hashed every city to join it to every upcoming event before it
    sorted them (10 ms at scale, for five rows). The home page names no series, so none is
    loaded (a prefetch also cost a query only when some event had a series).
    """
    return first_rows(
        Event.objects.published().upcoming().select_related("city").only(*EVENT_ITEM_FIELDS),
        limit,
    )


def home_latest_resources(*, kind: str, limit: int = HOME_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(kind=kind)
        .only(*RESOURCE_ITEM_FIELDS)
        .order_by("-published_at", "-pk")[:limit]
    )


def home_latest_news(*, limit: int = HOME_LIST_SIZE):
    return home_latest_resources(kind=ResourceKind.NEWS, limit=limit)


def home_latest_good_practices(*, limit: int = HOME_LIST_SIZE):
    return home_latest_resources(kind=ResourceKind.GOOD_PRACTICE, limit=limit)


def home_map_cities(*, limit: int = HOME_MAP_FALLBACK_SIZE):
    """The cities listed under the map when it cannot draw: those working in a published pilot.

    EXISTS lets PostgreSQL walk cities in name order and stop at the limit; a DISTINCT over the
    join sorted every (city, project) pair first (165 ms at scale).
    """
    in_published_project = ProjectCity.objects.filter(
        city=OuterRef("pk"), project__in=public(Project)
    )
    return City.objects.filter(Exists(in_published_project)).order_by("name")[:limit]


def site_pages_listed():
    """The site pages by the title the reader sees, with that title in every language (the
    fallback reads them): the desk named them in English on its Arabic page."""
    return SitePage.objects.only(
        *columns_in_every_language(SitePage, ("slug", "title", "original_language"))
    ).order_by(shown_text_order("title"))
