from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = _("Knowledge library")

    def ready(self):
        from core.personal_data import personal_data_register

        from .personal_data import SECTIONS

        personal_data_register(*SECTIONS)

        from core.editor import EditorRoutes, editor_register

        from .models import Resource, ReviewState
        from .permissions import proposal_editable_by

        editor_register(
            Resource,
            EditorRoutes(
                "resources:",
                may_edit=proposal_editable_by,
                # A proposal is previewed as it will look once accepted.
                preview_overrides={"review_state": ReviewState.NONE},
            ),
        )

        from notifications.registry import content_source_register, verb_labels_register

        from .notifications import VERB_LABELS, resources_describe, resources_in_period

        content_source_register(
            Resource, describe=resources_describe, in_period=resources_in_period
        )
        verb_labels_register(VERB_LABELS)
