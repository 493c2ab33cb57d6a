from django.db.models import Count, Q

from portal.models import PublicationStatus
from projects.models import ProjectKind, ProjectPhase

from .models import Cluster


def cluster_cards():
    """Active clusters with the two figures a card shows, in one query."""
    return Cluster.objects.active().annotate(
        member_city_count=Count("memberships", distinct=True),
        active_pilot_count=Count(
            "projects",
            filter=Q(
                projects__kind=ProjectKind.PILOT,
                projects__phase=ProjectPhase.ACTIVE,
                projects__status=PublicationStatus.PUBLISHED,
            ),
            distinct=True,
        ),
    )
