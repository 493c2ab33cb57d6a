"""Writes of the portal's own content (the site pages)."""

from collections.abc import Mapping

from django.db import transaction

from core.page_cache import page_cache_invalidate
from core.services import model_save

from .models import SitePage


@transaction.atomic
def site_page_update(*, page: SitePage, actor, data: Mapping) -> SitePage:
    """UN staff change a site page; the history records who, and visitors see it at once."""
    page = model_save(page, data=data, actor=actor, reason="page changed")
    # The footer's pages are read by everyone: no anonymous visitor keeps the old text.
    transaction.on_commit(page_cache_invalidate)
    return page
