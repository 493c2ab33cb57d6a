"""Which organization fields are written in every language.

The name and acronym stay as the organization writes them: they are its official identity (and
the name is unique, which a per-language copy would make ambiguous). The description's history
records each language's column, as for the other content types.
"""

from core.translation_registry import translatable_register

from .models import Organization

translatable_register(Organization, ("description",))
