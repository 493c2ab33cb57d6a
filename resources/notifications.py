"""Resources and news as notifications content (registered from ResourcesConfig.ready()): how one
is described to its followers and which ones a digest period lists."""

from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.visibility import public
from notifications.content import (
    SECTION_NEWS,
    SECTION_RESOURCES,
    ContentItem,
    many_to_many_ids,
    published_item,
)
from projects.models import Project

from .models import Resource, ResourceKind

VERB_LABELS = {
    "published_resource": _("New resource"),
    "published_news": _("News"),
}


def resources_describe(resources) -> list[ContentItem]:
    ids = [resource.pk for resource in resources]
    clusters = many_to_many_ids(Resource.clusters, ids, among=public(Cluster))
    cities = many_to_many_ids(Resource.cities, ids)
    projects = many_to_many_ids(Resource.projects, ids, among=public(Project))
    items = []
    for resource in resources:
        is_news = resource.kind == ResourceKind.NEWS
        items.append(
            published_item(
                resource,
                verb="published_news" if is_news else "published_resource",
                section=SECTION_NEWS if is_news else SECTION_RESOURCES,
                clusters=clusters[resource.pk],
                cities=cities[resource.pk],
                projects=projects[resource.pk],
            )
        )
    return items


def resources_in_period(*, since, until, upcoming_until):
    return (
        Resource.objects.published()
        .filter(published_at__gte=since, published_at__lte=until)
        .order_by("-published_at", "pk")
        .only("id", "title", "slug", "summary", "published_at", "kind")
    )
