from django.db.models import Prefetch, QuerySet

from clusters.models import Cluster
from core.api import visible_to
from core.roles import is_editor

from .models import CollaborationRequest, Project, ProjectCity, ProjectPartner


def _published_pilots():
    return Project.objects.published().pilots().order_by("title")


def project_list() -> QuerySet[Project]:
    """Published programmes and pilots with what a list item shows, in a fixed number of queries."""
    return (
        Project.objects.published()
        .select_related("parent")
        .prefetch_related(
            "clusters",
            Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
            Prefetch("pilots", queryset=_published_pilots(), to_attr="published_pilots"),
        )
        .order_by("kind", "-start_date", "title")
    )


def project_list_for_api(*, user) -> QuerySet[Project]:
    """Projects with their clusters, cities, partners and tags; drafts too for UN staff."""
    queryset = Project.objects.select_related("parent").prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.only("id", "slug")),
        Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
        Prefetch("partner_links", queryset=ProjectPartner.objects.select_related("organization")),
        "tags",
    )
    return visible_to(user, queryset)


def collaboration_request_list_for_api(*, user) -> QuerySet[CollaborationRequest]:
    """Every request for UN staff; a partner's own requests for a partner."""
    queryset = CollaborationRequest.objects.select_related(
        "project", "cluster", "city", "organization", "requester"
    )
    if is_editor(user):
        return queryset
    # A partner sees what they asked for, not what colleagues of other organizations did.
    return queryset.filter(requester=user)
