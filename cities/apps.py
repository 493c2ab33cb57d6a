from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cities"
    verbose_name = _("Cities")

    def ready(self):
        from core.editor import EditorRoutes, editor_register

        from .models import City
        from .permissions import city_editable_by

        editor_register(City, EditorRoutes("cities:", may_edit=city_editable_by))

        from notifications.registry import followable_register

        followable_register(City, field="city", objects=City.objects.all)
