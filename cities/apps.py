from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cities"
    verbose_name = _("Cities")

    def ready(self):
        # What lower layers learn about cities: editorial pages, what can be followed.
        from notifications.registry import followable_register

        from .editors import CITY_EDITOR
        from .models import City

        CITY_EDITOR.register()
        followable_register(City, field="city", objects=City.objects.all)
