from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = _("Knowledge library")

    def ready(self):
        # What lower layers learn about the library: editorial pages, personal data, and what
        # followers and digests are told.
        from core.personal_data import personal_data_register
        from notifications.registry import content_source_register, verb_labels_register

        from . import notifications
        from .editors import RESOURCE_EDITOR
        from .models import Resource
        from .personal_data import SECTIONS

        RESOURCE_EDITOR.register()
        personal_data_register(*SECTIONS)
        content_source_register(
            Resource,
            describe=notifications.resources_describe,
            in_period=notifications.resources_in_period,
        )
        verb_labels_register(notifications.VERB_LABELS)
