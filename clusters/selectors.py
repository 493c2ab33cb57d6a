"""Reads of the clusters app; the cluster pages' reads are portal.hub_selectors."""

from django.db.models import Count, Prefetch, QuerySet

from core.content_language import columns_in_every_language

from .models import Cluster, ClusterMembership, Topic

# What a list shows of a cluster it names (its linked name in its colour): not its description and
# body in every language.
CLUSTER_NAME_FIELDS = ("original_language", "slug", "name", "colour")


def cluster_name_columns(*, path: str = "") -> list[str]:
    """CLUSTER_NAME_FIELDS for `.only()` on a queryset that reaches the cluster through `path`
    ("cluster__"), with the name's column in every language its fallback reads."""
    return columns_in_every_language(Cluster, CLUSTER_NAME_FIELDS, path=path)


def topic_name_columns(*, path: str = "") -> list[str]:
    """A topic's name for `.only()` (through `path`, "topic__"), in every language."""
    return columns_in_every_language(Topic, ("name",), path=path)


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
