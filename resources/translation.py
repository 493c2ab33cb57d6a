"""Which fields of the library's resources are written in every language."""

from core.translation_registry import translatable_register

from .models import Resource

translatable_register(
    Resource, ("title", "summary", "body"), history_table="clusters_historicalresource"
)
