from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground layer: what every app shares. It imports no domain app."""

    name = "core"
    verbose_name = "Core"
