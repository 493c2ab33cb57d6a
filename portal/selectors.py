"""Reads for the home page: a fixed handful of queries whatever the amount of content."""

from django.db.models import Prefetch

from cities.models import City
from clusters.models import Resource, ResourceKind
from events.models import Event
from projects.models import Project, ProjectCity

HOME_LIST_SIZE = 5
HOME_MAP_FALLBACK_SIZE = 12


def home_latest_pilots(*, limit: int = HOME_LIST_SIZE):
    return (
        Project.objects.published()
        .pilots()
        .order_by("-published_at", "-pk")
        .prefetch_related(
            Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
            "clusters",
        )[:limit]
    )


def home_upcoming_events(*, limit: int = HOME_LIST_SIZE):
    return Event.objects.published().upcoming().select_related("city", "series")[:limit]


def home_latest_resources(*, kind: str, limit: int = HOME_LIST_SIZE):
    return Resource.objects.published().filter(kind=kind).order_by("-published_at", "-pk")[:limit]


def home_latest_news(*, limit: int = HOME_LIST_SIZE):
    return home_latest_resources(kind=ResourceKind.NEWS, limit=limit)


def home_latest_good_practices(*, limit: int = HOME_LIST_SIZE):
    return home_latest_resources(kind=ResourceKind.GOOD_PRACTICE, limit=limit)


def home_map_cities(*, limit: int = HOME_MAP_FALLBACK_SIZE):
    """The cities listed under the map when it cannot draw: those working in a published pilot."""
    return City.objects.filter(project_links__project__in=Project.objects.published()).distinct()[
        :limit
    ]
