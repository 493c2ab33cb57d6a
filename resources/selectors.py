import operator
from functools import reduce

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.api import visible_to
from core.visibility import public_prefetch
from projects.models import Project

from .models import Resource, ResourceKind

# What a resource shows in a list (includes/resource_item.html): a list reads these alone, not
# each resource's body in every language.
RESOURCE_ITEM_FIELDS = ("original_language", "slug", "title", "summary", "kind", "published_at")

RELATED_RESOURCES_SHOWN = 5


def resource_list() -> QuerySet[Resource]:
    return (
        Resource.objects.published()
        .prefetch_related(public_prefetch("clusters", Cluster), "tags")
        .order_by("-published_at", "-id")
    )


def news_list() -> QuerySet[Resource]:
    return resource_list().filter(kind=ResourceKind.NEWS)


def resource_list_for_api(*, user) -> QuerySet[Resource]:
    """Resources (news included) with the slugs of what they link to; drafts too for UN staff.

    Related items follow the reader's visibility (core.visibility): UN staff see draft
    projects and inactive clusters, everyone else reads them as absent.
    """
    queryset = Resource.objects.select_related("author").prefetch_related(
        public_prefetch("clusters", Cluster.objects.only("id", "slug"), viewer=user),
        Prefetch("cities", queryset=City.objects.only("id", "slug")),
        Prefetch("organizations", queryset=Organization.objects.only("id", "slug")),
        public_prefetch("projects", Project.objects.only("id", "slug"), viewer=user),
        "tags",
    )
    return visible_to(user, queryset)


def resource_detail(*, slug: str) -> Resource:
    queryset = Resource.objects.published().prefetch_related(
        public_prefetch("clusters", Cluster),
        "cities",
        "organizations",
        "tags",
        public_prefetch(
            "projects", Project.objects.order_by("title"), to_attr="published_projects"
        ),
    )
    resource = get_object_or_404(queryset, slug=slug)
    resource.related_resources = resource_related(resource=resource)
    return resource


def resource_related(*, resource: Resource) -> list[Resource]:
    """Other published resources sharing the most clusters, pilots or tags with this one."""
    cluster_ids = [cluster.pk for cluster in resource.clusters.all()]
    tag_ids = [tag.pk for tag in resource.tags.all()]
    project_ids = [project.pk for project in resource.published_projects]
    if not (cluster_ids or tag_ids or project_ids):
        return []
    # Counted per kind of link, each distinct, so the joins do not multiply one another; a kind
    # with no ids is left out, as an empty IN would turn the whole sum into NULL.
    counts = [
        Count(relation, filter=Q(**{f"{relation}__in": ids}), distinct=True)
        for relation, ids in (
            ("clusters", cluster_ids),
            ("tags", tag_ids),
            ("projects", project_ids),
        )
        if ids
    ]
    shared_links = reduce(operator.add, counts)
    return list(
        Resource.objects.published()
        .exclude(pk=resource.pk)
        .annotate(shared_links=shared_links)
        .filter(shared_links__gt=0)
        .order_by("-shared_links", "-published_at")[:RELATED_RESOURCES_SHOWN]
    )
