"""Reads for the collaboration pages: each queryset carries the joins its page needs."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import City
from clusters.models import Cluster
from core.content_language import shown_text_order
from core.roles import UN_STAFF

from .models import (
    CollaborationMessage,
    CollaborationRequest,
    CollaborationStatusChange,
    Project,
)

# Age buckets for the review queue: (value, label, newer-than days, older-than days).
AGE_BUCKETS = (
    ("week", _("Less than a week old"), None, 7),
    ("month", _("One to four weeks old"), 7, 30),
    ("older", _("Older than four weeks"), 30, None),
)


def _with_target(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("project", "cluster", "city", "organization")


def _history() -> Prefetch:
    return Prefetch(
        "status_changes",
        queryset=CollaborationStatusChange.objects.select_related("actor"),
    )


def collaboration_requests_of(*, user) -> QuerySet[CollaborationRequest]:
    """The requester's own requests, newest first, with their history and message counts."""
    return (
        _with_target(CollaborationRequest.objects.filter(requester=user))
        .select_related("accepted_project")
        .prefetch_related(_history())
        .annotate(message_count=Count("messages"))
        .order_by("-created_at", "-pk")
    )


def collaboration_requests_aged(queryset: QuerySet, *, age: str, now=None) -> QuerySet:
    """`queryset` narrowed to one of the AGE_BUCKETS; an unknown bucket narrows nothing."""
    now = now or timezone.now()
    for value, _label, newer_than, older_than in AGE_BUCKETS:
        if value != age:
            continue
        if newer_than is not None:
            queryset = queryset.filter(created_at__lte=now - dt.timedelta(days=newer_than))
        if older_than is not None:
            queryset = queryset.filter(created_at__gt=now - dt.timedelta(days=older_than))
    return queryset


def collaboration_review_queue(
    *, cluster=None, kind: str = "", status: str = "", age: str = "", now=None
) -> QuerySet[CollaborationRequest]:
    """Requests for staff, filtered; a cluster matches its own requests and its pilots' and cities'."""
    queryset = _with_target(CollaborationRequest.objects.all()).select_related(
        "requester", "assigned_to"
    )
    if cluster is not None:
        in_cluster = (
            Q(cluster=cluster)
            | Q(project__in=Project.objects.filter(clusters=cluster))
            | Q(city__in=City.objects.filter(cluster_memberships__cluster=cluster))
        )
        queryset = queryset.filter(in_cluster)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if age:
        queryset = collaboration_requests_aged(queryset, age=age, now=now)
    return queryset.annotate(message_count=Count("messages")).order_by("created_at", "pk")


def collaboration_request_detail(*, pk: int) -> CollaborationRequest | None:
    return (
        _with_target(CollaborationRequest.objects.filter(pk=pk))
        .select_related("requester", "assigned_to", "accepted_project", "from_city", "topic")
        .prefetch_related(
            _history(),
            Prefetch(
                "messages",
                queryset=CollaborationMessage.objects.select_related("author"),
            ),
        )
        .first()
    )


def staff_reviewers() -> QuerySet:
    """People a request can be assigned to: UN staff and superusers, active ones only."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name=UN_STAFF) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("name", "email")
    )


def collaboration_targets() -> dict:
    """What a request can be about: published pilots and programmes, clusters and cities."""
    return {
        "project": Project.objects.published().order_by("title").only("pk", "slug", "title"),
        "cluster": Cluster.objects.order_by("order", "name").only("pk", "slug", "name"),
        "city": City.objects.order_by(shown_text_order("name"), "pk").only(
            "pk", "slug", "name", "country"
        ),
    }
