from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Now
from django.shortcuts import get_object_or_404

from clusters.models import ClusterMembership, Resource
from events.models import Event
from portal.models import PublicationStatus
from projects.models import Project, ProjectCity

from .models import City

DETAIL_LIST_SIZE = 10

_published_project = Q(
    project_links__project__status=PublicationStatus.PUBLISHED,
    project_links__project__published_at__lte=Now(),
)


def _active_memberships():
    return (
        ClusterMembership.objects.filter(cluster__is_active=True)
        .select_related("cluster")
        .order_by("cluster__order", "cluster__name")
    )


def city_list():
    """Cities with their clusters and the number of published projects they take part in."""
    return (
        City.objects.annotate(
            project_count=Count("project_links", filter=_published_project, distinct=True)
        )
        .prefetch_related(Prefetch("cluster_memberships", queryset=_active_memberships()))
        .order_by("name", "pk")
    )


def city_get(*, slug: str) -> City:
    return get_object_or_404(City.objects.prefetch_related("hazards"), slug=slug)


def city_memberships(*, city: City):
    return _active_memberships().filter(city=city)


def city_project_links(*, city: City):
    """The city's published projects, each with the role the city plays in it."""
    return (
        ProjectCity.objects.filter(city=city, project__in=Project.objects.published())
        .select_related("project")
        .order_by("-project__start_date", "project__title")
    )


def city_partner_cities(*, city: City) -> list[tuple[City, list[Project]]]:
    """Other cities this one works with, each with the published projects they share."""
    links = (
        ProjectCity.objects.filter(
            project__in=Project.objects.published().filter(city_links__city=city)
        )
        .exclude(city=city)
        .select_related("city", "project")
        .order_by("city__name", "project__title")
    )
    partners: dict[int, tuple[City, list[Project]]] = {}
    for link in links:
        partners.setdefault(link.city_id, (link.city, []))[1].append(link.project)
    return list(partners.values())


def city_upcoming_events(*, city: City):
    return Event.objects.published().upcoming().filter(city=city).select_related("city")


def city_past_events(*, city: City, limit: int = DETAIL_LIST_SIZE):
    return Event.objects.published().past().filter(city=city).select_related("city")[:limit]


def city_resources(*, city: City, limit: int = DETAIL_LIST_SIZE):
    return Resource.objects.published().filter(cities=city).order_by("-published_at", "-pk")[:limit]
