"""Reads of the clusters app; the cluster pages' reads are portal.hub_selectors."""

from django.db.models import Count, Prefetch, QuerySet

from .models import Cluster, ClusterMembership


def cluster_list_for_api() -> QuerySet[Cluster]:
    """Every cluster (inactive ones too) with its member cities and their number."""
    return Cluster.objects.annotate(
        member_city_count=Count("memberships", distinct=True)
    ).prefetch_related(
        Prefetch(
            "memberships",
            queryset=ClusterMembership.objects.select_related("city").order_by("city__name"),
        )
    )
