from django.utils.translation import gettext_lazy as _

from core import app_config


class ResourcesConfig(app_config.DomainAppConfig):
    name = "resources"
    verbose_name = _("Knowledge library")

    def register(self):
        # What followers and digests are told about the library.
        from notifications.registry import content_source_register, verb_labels_register

        from . import notifications
        from .models import Resource

        content_source_register(
            Resource,
            describe=notifications.resources_describe,
            in_period=notifications.resources_in_period,
        )
        verb_labels_register(notifications.VERB_LABELS)
