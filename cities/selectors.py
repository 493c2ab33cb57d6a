from django.db.models import Count, Prefetch

from clusters.models import Cluster, ClusterMembership
from core.selectors import published_through
from core.visibility import public

from .models import City

_published_project = published_through("project_links__project")


def _active_memberships():
    return (
        ClusterMembership.objects.filter(cluster__in=public(Cluster))
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


def city_list_for_api(*, user):
    """Every city with its clusters and its hazards, as the API shows them.

    An inactive cluster is named to UN staff only (core.visibility).
    """
    return City.objects.prefetch_related(
        Prefetch(
            "cluster_memberships",
            queryset=ClusterMembership.objects.filter(cluster__in=public(Cluster, viewer=user))
            .select_related("cluster")
            .order_by("cluster__order", "cluster__name"),
        ),
        "hazards",
    ).order_by("name", "pk")
