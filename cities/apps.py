from django.utils.translation import gettext_lazy as _

from core import app_config


class CitiesConfig(app_config.DomainAppConfig):
    name = "cities"
    verbose_name = _("Cities")

    def register(self):
        # What lower layers learn about cities besides their editorial pages: what can be followed.
        from notifications.registry import followable_register

        from .models import City

        followable_register(City, field="city", objects=City.objects.all)
