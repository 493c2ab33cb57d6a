from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from core.personal_data import personal_data_register

        from .personal_data import SECTIONS

        personal_data_register(*SECTIONS)

        from core.shared_pages import personal_context_register, personal_predicate_register

        from .context_processors import unread_notifications
        from .templatetags.follow_tags import follows

        # Pages shared by their signed-in readers ask these per request (core.shared_pages).
        personal_predicate_register("follows", follows)
        personal_context_register(unread_notifications)
