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


class StatisticsSummary(models.Model):
    """The statistics page's figures as last counted, kept in the database (one row).

    Counting them takes ten aggregate queries over the whole programme (about 25 ms at full
    scale); the shared cache keeps them too, but a cache is emptied by a restart or by memory
    pressure, and each of those made the next visitor pay for the count. This row outlives the
    cache. Every committed change of public content (a publication, a withdrawal, an edit) adds
    one to `content_version` (`portal.statistics.statistics_summary_outdate`), and figures are
    used only while they were counted under the current version and less than `CACHE_SECONDS`
    ago.
    """

    content_version = models.BigIntegerField(default=0)
    figures = models.JSONField(null=True)
    figures_version = models.BigIntegerField(null=True)
    counted_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("statistics summary")
        verbose_name_plural = _("statistics summaries")

    def __str__(self):
        return f"Statistics counted at {self.counted_at}"
