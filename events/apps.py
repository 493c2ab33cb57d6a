from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # What lower layers learn about events: editorial pages, personal data, and what
        # followers and digests are told.
        from core.personal_data import personal_data_register
        from notifications.registry import content_source_register, verb_labels_register

        from . import notifications
        from .editors import EVENT_EDITOR, SERIES_EDITOR
        from .models import Event
        from .personal_data import SECTIONS

        EVENT_EDITOR.register()
        SERIES_EDITOR.register()
        personal_data_register(*SECTIONS)
        content_source_register(
            Event, describe=notifications.events_describe, in_period=notifications.events_in_period
        )
        verb_labels_register(notifications.VERB_LABELS)
