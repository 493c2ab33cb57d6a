from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.personal_data import personal_data_register

        from .personal_data import SECTIONS

        personal_data_register(*SECTIONS)

        from core.editor import EditorRoutes, editor_register

        from .models import Event, TrainingSeries

        editor_register(Event, EditorRoutes("events:"))
        editor_register(TrainingSeries, EditorRoutes("events:series-"))

        from notifications.registry import (
            content_source_register,
            verb_labels_register,
        )

        from .notifications import (
            VERB_LABELS,
            events_describe,
            events_in_period,
        )

        content_source_register(Event, describe=events_describe, in_period=events_in_period)
        verb_labels_register(VERB_LABELS)
