"""Writes of the knowledge library: editors' resources and city officials' proposals."""

from django.db import transaction

import notifications.services
from core.api import save_validated
from core.models import PublicationStatus
from core.publication import PublicationRefused, publication_publish, publication_unpublish

from .models import Resource, ReviewState

RESOURCE_RELATIONS = ("clusters", "cities", "organizations", "projects")


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


def _split(data: dict):
    fields = {k: v for k, v in data.items() if k not in (*RESOURCE_RELATIONS, "tags")}
    relations = {k: v for k, v in data.items() if k in RESOURCE_RELATIONS}
    return fields, relations, data.get("tags")


@transaction.atomic
def resource_create(*, author, **data) -> Resource:
    fields, relations, tags = _split(data)
    return save_validated(
        Resource(author=author), fields=fields, many_to_many=relations, tags=tags or []
    )


@transaction.atomic
def resource_update(*, resource: Resource, **data) -> Resource:
    fields, relations, tags = _split(data)
    return save_validated(resource, fields=fields, many_to_many=relations, tags=tags)


# --- Editorial pages ----------------------------------------------------------------------------


@transaction.atomic
def resource_save(*, form, actor) -> Resource:
    """An editor's create or edit; the first editor to save a new resource is its author."""
    resource = form.save(commit=False)
    if resource.author_id is None:
        resource.author = actor
    resource.save()
    form.save_m2m()
    return resource


@transaction.atomic
def resource_propose(*, form, actor) -> Resource:
    """A city official proposes (or resubmits) a resource for their city; it waits for review."""
    resource = form.save(commit=False)
    if resource.proposed_by_id is None:
        resource.proposed_by = actor
    if resource.author_id is None:
        resource.author = actor
    resource.status = PublicationStatus.DRAFT
    resource.review_state = ReviewState.PROPOSED
    resource.save()
    form.save_m2m()
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
    from django.utils.translation import gettext as _

    from notifications.models import Notification

    resource = Resource.objects.select_for_update().get(pk=obj.pk)
    if resource.review_state != ReviewState.PROPOSED:
        raise PublicationRefused(_("Only a proposal awaiting review can be returned."))
    resource.review_state = ReviewState.RETURNED
    resource.review_comment = comment
    resource._change_reason = "returned"
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
