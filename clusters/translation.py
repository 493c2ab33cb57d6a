"""Which cluster fields are written in every language (core.translation_registry)."""

from core.translation_registry import translatable_register

from .models import Cluster

translatable_register(Cluster, ("name", "summary", "description"))
