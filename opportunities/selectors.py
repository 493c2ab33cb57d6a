"""Reads of the opportunities app, each built for one page or endpoint with its joins."""

from django.db.models import Case, F, Prefetch, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clusters.models import Cluster
from core.api import visible_to
from core.visibility import public_prefetch

from .models import Application, ApplicationStatusChange, Opportunity


def _listed(queryset: QuerySet[Opportunity], *, viewer=None) -> QuerySet[Opportunity]:
    # The cluster through the visibility rule: an inactive cluster is not named.
    return queryset.select_related("host_organization", "host_city").prefetch_related(
        public_prefetch("cluster", Cluster, viewer=viewer), "topics"
    )


def opportunity_list() -> QuerySet[Opportunity]:
    """Published opportunities: the open ones closing soonest first, then the closed ones, the
    most recently closed first (the filters pick open or closed)."""
    now = timezone.now()
    closed = Case(When(deadline__lte=now, then=Value(1)), default=Value(0))
    open_deadline = Case(When(deadline__gt=now, then=F("deadline")))
    return _listed(Opportunity.objects.published()).order_by(
        closed, open_deadline.asc(nulls_last=True), "-deadline", "pk"
    )


def opportunity_feed_items(*, limit: int = 30) -> list[Opportunity]:
    return list(
        Opportunity.objects.published()
        .select_related("host_organization", "host_city")
        .order_by("-published_at", "-pk")[:limit]
    )


def opportunity_list_for_api(*, user) -> QuerySet[Opportunity]:
    """Opportunities with their hosts, cluster and topics; drafts too for UN staff."""
    return visible_to(user, _listed(Opportunity.objects.all(), viewer=user)).order_by(
        "deadline", "pk"
    )


def opportunity_detail(*, slug: str) -> Opportunity:
    return get_object_or_404(opportunity_list(), slug=slug)


def application_of(*, user, opportunity: Opportunity) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(applicant=user, opportunity=opportunity).first()


def opportunity_applications_for_user(user) -> QuerySet[Application]:
    """A person's applications, newest first, with their opportunity: for their own pages.

    `/opportunities/applications/` lists them; "My portal" can show the same list.
    """
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.filter(applicant=user)
        .select_related("opportunity", "city", "organization")
        .order_by("-created_at", "-pk")
    )


def applications_for_review(*, status: str | None = None) -> QuerySet[Application]:
    """Every application for UN staff, oldest waiting first within a status."""
    queryset = Application.objects.select_related(
        "opportunity", "applicant", "city", "organization"
    ).order_by("created_at", "pk")
    return queryset.filter(status=status) if status else queryset


def application_detail(*, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related(
            "opportunity", "applicant", "city", "organization"
        ).prefetch_related(
            Prefetch(
                "status_changes",
                queryset=ApplicationStatusChange.objects.select_related("actor"),
            )
        ),
        pk=pk,
    )
