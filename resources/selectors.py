import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.shortcuts import get_object_or_404

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster
from core.api import visible_to
from core.visibility import public_prefetch
from projects.models import Project

from .models import Resource, ResourceKind

# What a resource shows in a list ({% resource_item %}): a list reads these alone, not
# each resource's body in every language.
RESOURCE_ITEM_FIELDS = ("original_language", "slug", "title", "summary", "kind", "published_at")

# What a resource named in a short list shows (resources/_resource_link.html).
RESOURCE_LINK_FIELDS = ("original_language", "slug", "title", "kind", "published_at")

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
    """Other published resources sharing the most clusters, pilots or tags with this one.

    Among equals, the newest first. Counting shared links over the whole library reads every
    resource (370 ms at 200,000), so each count runs only where it is needed:
    - the resources sharing a pilot or a tag are usually few: each is scored on all its links;
    - every other resource's score is the number of clusters it shares. When this one is in
      several clusters, those sharing two or more are found from the clusters' links (25 ms
      for two clusters of 28,000 resources each); those sharing one are the newest in its
      clusters, read in date order, which an index serves.
    A resource can come back from more than one of these reads; its highest score is its own.
    """
    cluster_ids = [cluster.pk for cluster in resource.clusters.all()]
    tag_ids = [tag.pk for tag in resource.tags.all()]
    project_ids = [project.pk for project in resource.published_projects]
    shown = RELATED_RESOURCES_SHOWN
    others = Resource.objects.published().exclude(pk=resource.pk).only(*RESOURCE_LINK_FIELDS)
    newest_first = ("-published_at", "-pk")
    found: list[Resource] = []
    if tag_ids or project_ids:
        tagged = Resource.tags.through.objects.filter(
            content_type=ContentType.objects.get_for_model(Resource), tag_id__in=tag_ids
        ).values_list("object_id", flat=True)
        piloted = Resource.projects.through.objects.filter(project_id__in=project_ids).values_list(
            "resource_id", flat=True
        )
        sharing_a_tag_or_pilot = others.filter(pk__in=_ids_read_first(tagged.union(piloted)))
        found += sharing_a_tag_or_pilot.annotate(
            shared_links=_shared_links_count(
                clusters=cluster_ids, tags=tag_ids, projects=project_ids
            )
        ).order_by("-shared_links", *newest_first)[:shown]
    if cluster_ids:
        cluster_links = Resource.clusters.through.objects.filter(cluster_id__in=cluster_ids)
        sharing_one = others.filter(pk__in=cluster_links.values("resource_id"))
        if len(cluster_ids) > 1:
            several_ids = _ids_read_first(
                cluster_links.values("resource_id")
                .annotate(shared=Count("pk"))
                .filter(shared__gt=1)
                .values_list("resource_id", flat=True)
            )
            found += (
                others.filter(pk__in=several_ids)
                .annotate(shared_links=_shared_links_count(clusters=cluster_ids))
                .order_by("-shared_links", *newest_first)[:shown]
            )
        found += sharing_one.annotate(shared_links=Value(1)).order_by(*newest_first)[:shown]
    best: dict[int, Resource] = {}
    for candidate in found:
        if candidate.pk not in best or candidate.shared_links > best[candidate.pk].shared_links:
            best[candidate.pk] = candidate
    return sorted(
        best.values(),
        key=lambda related: (-related.shared_links, -related.published_at.timestamp(), -related.pk),
    )[:shown]


# How many ids a read sends back in the query as a list, at most (SQLite takes 32,766).
IDS_READ_FIRST_AT_MOST = 1000


def _ids_read_first(ids: QuerySet):
    """A few ids as a list, read first; many as the subquery itself.

    Given a subquery of the link tables, PostgreSQL misjudges how many rows it gives and reads
    the whole library beside it (116 ms at 200,000 resources for 2 ids); a short list of ids
    is read through the primary key. A long list would cost more to send than the subquery.
    """
    first = list(ids[: IDS_READ_FIRST_AT_MOST + 1])
    return first if len(first) <= IDS_READ_FIRST_AT_MOST else ids


def _shared_links_count(**ids_by_relation: list[int]):
    """How many of the given clusters, tags and pilots a resource shares with them.

    Counted per kind of link, each distinct, so the joins do not multiply one another; a kind
    with no ids is left out, as an empty IN would turn the whole sum into NULL.
    """
    counts = [
        Count(relation, filter=Q(**{f"{relation}__in": ids}), distinct=True)
        for relation, ids in ids_by_relation.items()
        if ids
    ]
    return reduce(operator.add, counts)
