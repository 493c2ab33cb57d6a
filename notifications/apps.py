from django.utils.translation import gettext_lazy as _

from core import app_config


class NotificationsConfig(app_config.DomainAppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def register(self):
        from core.shared_pages import personal_context_register, personal_predicate_register

        from .context_processors import unread_notifications
        from .templatetags.follow_tags import follows

        # Pages shared by their signed-in readers ask these per request (core.shared_pages).
        personal_predicate_register("follows", follows)
        personal_context_register(unread_notifications)
