from django.utils.translation import gettext_lazy as _

from core import app_config


class OpportunitiesConfig(app_config.DomainAppConfig):
    name = "opportunities"
    verbose_name = _("Opportunities")

    def register(self):
        # Open opportunities are suggested to the cities that need their topics (matchmaking);
        # applicants and reviewers are told what happened in these words.
        from notifications.registry import verb_labels_register

        from . import notifications, suggestions

        suggestions.register()
        verb_labels_register(notifications.VERB_LABELS)
