"""The site's own pages: about, contact, privacy, terms and the accessibility statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.content_language import OriginalLanguageModel, TranslatedQuerySet
from core.models import SlugPageModel


class SitePage(OriginalLanguageModel, SlugPageModel):
    """A page about the portal itself, written in Markdown and edited by UN staff.

    Always public (no draft state): the footer links each of them. Title, summary and body are
    written in the six languages (portal/translation.py), like the content.
    """

    detail_url_name = "portal:page"

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for search engines and link previews."),
    )
    body = models.TextField(_("body"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title
