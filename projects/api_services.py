"""Writes behind the projects API. Projects are written by projects.services, like the pages."""

from django.db import transaction

from .models import CollaborationRequest


@transaction.atomic
def collaboration_request_submit(
    *,
    requester,
    kind: str,
    message: str,
    project=None,
    cluster=None,
    city=None,
    contact_preferences: str = "",
) -> CollaborationRequest:
    """A partner asks to work with one pilot, cluster or city, on behalf of their organization."""
    request = CollaborationRequest(
        requester=requester,
        organization=requester.organization,
        kind=kind,
        message=message,
        contact_preferences=contact_preferences,
        project=project,
        cluster=cluster,
        city=city,
    )
    request.full_clean()
    request.save()
    return request
