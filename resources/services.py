"""Writes of the knowledge library: editors' resources and city officials' proposals.

The one path for pages, API and admin. `data` is plain: field values by name, lists of clusters,
cities, organizations and projects, tag names, and optionally `status`, which publishes or
withdraws through `resource_publish`/`resource_unpublish` once everything else is saved.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

import notifications.services
from core.content_services import authored_content_save
from core.editor import unique_slug
from core.models import PublicationStatus
from core.publication import (
    PublicationRefused,
    publication_data_split,
    publication_publish,
    publication_unpublish,
)
from core.services import history_stamp, model_save

from .models import Resource, ReviewState


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


def resource_create(*, actor, data: Mapping) -> Resource:
    """An editor's new resource or news item; whoever adds it is its author unless `data` names
    one."""
    return resource_update(resource=Resource(), actor=actor, data=data)


def resource_update(*, resource: Resource, actor, data: Mapping) -> Resource:
    """An editor's change; a resource nobody wrote yet becomes the editor's."""
    return authored_content_save(
        resource, actor=actor, data=data, publish=resource_publish, unpublish=resource_unpublish
    )


@transaction.atomic
def resource_propose(*, actor, data: Mapping, resource: Resource | None = None) -> Resource:
    """A city official proposes a practice of their city, or resubmits their proposal.

    It stays a draft awaiting review, whatever `data` says; the city is always the official's.
    """
    if resource is None:
        resource = Resource(proposed_by=actor, author=actor)
    elif resource.status == PublicationStatus.PUBLISHED:
        raise ValidationError(_("A published resource can no longer be changed as a proposal."))
    fields, _status = publication_data_split(data)
    if not resource.slug and not fields.get("slug") and fields.get("title"):
        fields["slug"] = unique_slug(Resource, fields["title"])
    fields["review_state"] = ReviewState.PROPOSED
    model_save(resource, data=fields, actor=actor, reason="proposed")
    resource.cities.add(actor.city)
    return resource


def resource_publish(*, obj: Resource, actor) -> Resource:
    """Publish; publishing a proposal accepts it, and its review comment is no longer needed."""
    extra = (
        {"review_state": ReviewState.NONE, "review_comment": ""}
        if obj.review_state != ReviewState.NONE
        else None
    )
    return publication_publish(
        obj=obj, actor=actor, extra_fields=extra, on_first_publication=_announce
    )


def resource_unpublish(*, obj: Resource, actor) -> Resource:
    return publication_unpublish(obj=obj, actor=actor)


@transaction.atomic
def resource_return(*, obj: Resource, actor, comment: str) -> Resource:
    """Send a proposal back with a comment; the proposer finds it under the bell."""
    from django.urls import reverse

    from notifications.models import Notification

    resource = Resource.objects.select_for_update().get(pk=obj.pk)
    if resource.review_state != ReviewState.PROPOSED:
        raise PublicationRefused(_("Only a proposal awaiting review can be returned."))
    resource.review_state = ReviewState.RETURNED
    resource.review_comment = comment
    history_stamp(resource, actor=actor, reason="returned")
    resource.save()
    if resource.proposed_by_id:
        Notification.objects.create(
            recipient_id=resource.proposed_by_id,
            verb="resource_returned",
            title=_("Your proposal “%(title)s” needs changes") % {"title": resource.title},
            body=comment,
            url=reverse("resources:edit", kwargs={"slug": resource.slug}),
        )
    return resource
