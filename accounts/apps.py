from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from core.personal_data import personal_data_register

        from .editors import ORGANIZATION_EDITOR
        from .personal_data import SECTIONS

        ORGANIZATION_EDITOR.register()
        personal_data_register(*SECTIONS)
