from django.utils.translation import gettext_lazy as _

from core import app_config


class EventsConfig(app_config.DomainAppConfig):
    name = "events"
    verbose_name = _("Events")

    def register(self):
        # What followers and digests are told about events.
        from notifications.registry import content_source_register, verb_labels_register

        from . import notifications
        from .models import Event

        content_source_register(
            Event, describe=notifications.events_describe, in_period=notifications.events_in_period
        )
        verb_labels_register(notifications.VERB_LABELS)
