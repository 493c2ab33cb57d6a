"""Publishing and withdrawing content: one path for the editorial pages, the API and the admin.

Each content type's service (`project_publish`, `event_publish`...) calls these with what is
particular to it: extra fields to set, and whom to tell on the first publication (followers, via
the notifications app, which core does not know).
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import PublicationStatus
from core.page_cache import page_cache_invalidate


class PublicationRefused(Exception):
    pass


def publication_publish(
    *,
    obj,
    actor,
    extra_fields: dict | None = None,
    on_first_publication: Callable | None = None,
):
    """Make `obj` public now, or again at its first date; `on_first_publication(obj)` runs once.

    The row is locked so two editors pressing "Publish" at once cannot both announce it. An item
    withdrawn and published again keeps its first date, so nobody is told twice.
    """
    model = type(obj)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        if locked.status == PublicationStatus.PUBLISHED and not extra_fields:
            return locked
        first_publication = locked.published_at is None
        locked.status = PublicationStatus.PUBLISHED
        locked.published_at = locked.published_at or timezone.now()
        for name, value in (extra_fields or {}).items():
            setattr(locked, name, value)
        locked._change_reason = "published"
        if actor is not None and getattr(actor, "is_authenticated", False):
            locked._history_user = actor
        try:
            locked.full_clean()
        except ValidationError as error:
            raise PublicationRefused(" ".join(error.messages)) from None
        locked.save()
        if first_publication and on_first_publication is not None:
            on_first_publication(locked)
        # Anonymous visitors of every node see it at once, not when their kept page expires.
        transaction.on_commit(page_cache_invalidate)
    return locked


def publication_unpublish(*, obj, actor):
    """Back to draft; the publication date stays so a later re-publication tells nobody twice."""
    model = type(obj)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=obj.pk)
        if locked.status == PublicationStatus.DRAFT:
            return locked
        locked.status = PublicationStatus.DRAFT
        locked._change_reason = "unpublished"
        if actor is not None and getattr(actor, "is_authenticated", False):
            locked._history_user = actor
        locked.save()
        transaction.on_commit(page_cache_invalidate)
    return locked
