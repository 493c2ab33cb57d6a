from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "opportunities"
    verbose_name = _("Opportunities")

    def ready(self):
        # What lower layers learn about opportunities: editorial pages, personal data, and the
        # labels of what applicants and reviewers are told.
        from core.personal_data import personal_data_register
        from notifications.registry import verb_labels_register

        from . import notifications, suggestions
        from .editors import OPPORTUNITY_EDITOR
        from .personal_data import SECTIONS

        OPPORTUNITY_EDITOR.register()
        # Open opportunities are suggested to the cities that need their topics (matchmaking).
        suggestions.register()
        personal_data_register(*SECTIONS)
        verb_labels_register(notifications.VERB_LABELS)
