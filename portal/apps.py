from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .site_pages import site_pages_create_missing


def restore_site_pages_when_emptied(sender, using, apps=None, **kwargs):
    """Put back the site pages a flush removed (transactional tests), as clusters does.

    Only missing pages are created; an edited page is never overwritten.
    """
    if apps is None:  # flush sends the signal without a migration state
        from django.apps import apps
    site_pages_create_missing(apps.get_model("portal", "SitePage"), using=using)


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        post_migrate.connect(restore_site_pages_when_emptied, sender=self)

        from .editors import SITE_PAGE_EDITOR

        SITE_PAGE_EDITOR.register()
