"""Reads every app's selectors share."""

from django.db.models import Count, Q
from django.db.models.functions import Now

from core.models import PublicationStatus


def published_through(path: str) -> Q:
    """Rows whose publishable item at `path` (a relation: "project_links__project") is public
    now: what `published()` says of the item itself, for counting across a relation."""
    return Q(
        **{f"{path}__status": PublicationStatus.PUBLISHED, f"{path}__published_at__lte": Now()}
    )


def published_count(path: str) -> Count:
    """How many distinct public items are at `path`, as an annotation."""
    return Count(path, filter=published_through(path), distinct=True)
