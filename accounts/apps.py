from django.utils.translation import gettext_lazy as _

from core import app_config


class AccountsConfig(app_config.DomainAppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
