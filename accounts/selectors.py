from django.db.models import Count, Q
from django.db.models.functions import Now
from django.shortcuts import get_object_or_404

from clusters.models import Resource
from events.models import Event, EventCoHost, TrainingSeries
from portal.models import PublicationStatus
from projects.models import Project, ProjectPartner

from .models import Organization

DETAIL_LIST_SIZE = 10


def partner_list():
    """Organizations with how many published pilots and events they take part in."""
    return Organization.objects.annotate(
        project_count=Count(
            "project_links__project",
            filter=Q(
                project_links__project__status=PublicationStatus.PUBLISHED,
                project_links__project__published_at__lte=Now(),
            ),
            distinct=True,
        ),
        event_count=Count(
            "event_links__event",
            filter=Q(
                event_links__event__status=PublicationStatus.PUBLISHED,
                event_links__event__published_at__lte=Now(),
            ),
            distinct=True,
        ),
    ).order_by("name")


def partner_get(*, slug: str) -> Organization:
    return get_object_or_404(Organization, slug=slug)


def partner_project_links(*, organization: Organization):
    """Each published project the organization works on, once per role it plays there."""
    return (
        ProjectPartner.objects.filter(
            organization=organization, project__in=Project.objects.published()
        )
        .select_related("project")
        .order_by("-project__start_date", "project__title", "role")
    )


def partner_event_links(*, organization: Organization):
    return (
        EventCoHost.objects.filter(organization=organization, event__in=Event.objects.published())
        .select_related("event", "event__city")
        .order_by("-event__starts_at")
    )


def partner_training_series(*, organization: Organization):
    return TrainingSeries.objects.published().filter(organizers=organization)


def partner_resources(*, organization: Organization, limit: int = DETAIL_LIST_SIZE):
    return (
        Resource.objects.published()
        .filter(organizations=organization)
        .order_by("-published_at", "-pk")[:limit]
    )
