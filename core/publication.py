"""Publishing and withdrawing content: one path for the editorial pages, the API and the admin.

Each content type's service (`project_publish`, `event_publish`...) calls these with what is
particular to it: extra fields to set, and whom to tell on the first publication (followers, via
the notifications app, which core does not know). Its create and update services hand a requested
`status` to `publication_status_apply`, so "published" in a form, an API call or the admin
reaches the same publish service as the "Publish" button.
"""

from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import PublicationStatus
from core.page_cache import page_cache_invalidate
from core.services import history_stamp


class PublicationRefused(ValidationError):
    """Publication is not possible yet; a validation error, so callers show it as one (a 400)."""

    def __init__(self, message):
        super().__init__(message, code="publication_refused")

    def __str__(self):
        return " ".join(self.messages)


def publication_data_split(data: Mapping) -> tuple[dict, str | None]:
    """The fields a create or update saves, and the status it asks for (None: leave it be).

    The publication date is never data: publishing sets it, once.
    """
    fields = dict(data)
    if "published_at" in fields:
        raise TypeError("published_at is set by publishing, not by a create or update.")
    return fields, fields.pop("status", None)


def publication_status_apply(*, obj, status: str | None, actor, publish, unpublish):
    """Publish or withdraw `obj` as a create or update asked, through the type's own services.

    Asking for the status it already has changes nothing and tells nobody.
    """
    if status == PublicationStatus.PUBLISHED and obj.status != PublicationStatus.PUBLISHED:
        return publish(obj=obj, actor=actor)
    if status == PublicationStatus.DRAFT and obj.status == PublicationStatus.PUBLISHED:
        return unpublish(obj=obj, actor=actor)
    return obj


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
        history_stamp(locked, actor=actor, reason="published")
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
        history_stamp(locked, actor=actor, reason="unpublished")
        locked.save()
        transaction.on_commit(page_cache_invalidate)
    return locked
