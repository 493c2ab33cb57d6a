"""Which city fields are written in every language (core.translation_registry)."""

from core.translation_registry import translatable_register

from .models import City

translatable_register(City, ("name", "summary", "description"))
