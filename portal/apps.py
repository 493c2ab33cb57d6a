from django.utils.translation import gettext_lazy as _

from core import app_config

from .site_pages import site_pages_create_missing, site_pages_translations_fill


def restore_seeded_rows_when_emptied(apps, using):
    """Put back the site pages and the statistics' row a flush removed (transactional tests), as
    clusters does.

    Only missing pages are created, and only empty translations filled; an edited page is never
    overwritten.
    """
    try:
        model = apps.get_model("portal", "SitePage")
    except LookupError:  # migrated back to before the pages existed
        return
    created = site_pages_create_missing(model, using=using)
    # Only the pages just created: a translation staff emptied stays empty at the next migrate.
    site_pages_translations_fill(model, using=using, slugs=created)
    try:
        summary = apps.get_model("portal", "StatisticsSummary")
    except LookupError:
        return
    summary.objects.using(using).get_or_create(pk=1)


class PortalConfig(app_config.DomainAppConfig):
    name = "portal"
    verbose_name = _("Portal")
    restore_when_emptied = restore_seeded_rows_when_emptied

    def register(self):
        # The statistics kept in the database are outdated by every committed content change.
        from core.page_cache import content_changed

        from .statistics import statistics_summary_outdate

        content_changed.connect(statistics_summary_outdate, dispatch_uid="portal.statistics")
