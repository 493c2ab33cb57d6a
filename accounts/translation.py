"""Which organization fields are written in every language.

The name and acronym stay as the organization writes them: they are its official identity (and
the name is unique, which a per-language copy would make ambiguous).
"""

from modeltranslation.translator import TranslationOptions, translator

from .models import Organization


class OrganizationTranslationOptions(TranslationOptions):
    fields = ("description",)


translator.register(Organization, OrganizationTranslationOptions)
