"""Which fields of the site pages are written in every language (core.translation_registry)."""

from core.translation_registry import translatable_register

from .models import SitePage

translatable_register(SitePage, ("title", "summary", "body"))
