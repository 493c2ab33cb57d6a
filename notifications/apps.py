from django.utils.translation import gettext_lazy as _

from core import app_config


class NotificationsConfig(app_config.DomainAppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def register(self):
        from django.db.models.signals import post_delete, post_save

        from core.shared_pages import (
            personal_context_register,
            personal_predicate_register,
            personal_prefetch_register,
        )

        from .context_processors import unread_notifications
        from .models import Notification, Subscription
        from .selectors import notification_changed, reader_state_cache_key, subscription_changed
        from .templatetags.follow_tags import follows

        # Pages shared by their signed-in readers ask these per request (core.shared_pages).
        personal_predicate_register("follows", follows)
        personal_context_register(unread_notifications)
        personal_prefetch_register(reader_state_cache_key)

        # A follow or a notification saved or deleted one by one (the admin, the API, a
        # cascade); the services forget after their bulk writes themselves.
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                subscription_changed,
                sender=Subscription,
                dispatch_uid=f"reader-state.follow-{name}",
            )
            signal.connect(
                notification_changed,
                sender=Notification,
                dispatch_uid=f"reader-state.notification-{name}",
            )
