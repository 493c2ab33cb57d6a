"""A country's name and flag as pages show them, kept per country and language.

django-countries works both out afresh on every read (the name looked up in its translated
table, the flag's address formatted and joined to STATIC_URL: 16-20 µs each); a list of 50
cities read them 50 times a page.
"""

import functools

from django.conf import settings
from django.utils.translation import get_language
from django_countries import countries
from django_countries.fields import Country


def country_name(code: str) -> str:
    """The name of the country `code` in the active language; "" for no country."""
    return _name(code, get_language()) if code else ""


def country_flag(code: str) -> str:
    """The address of the country's flag image; "" for no country."""
    return _flag(code, settings.STATIC_URL) if code else ""


# Each keyed by what the answer depends on besides the code, which the function itself reads.
@functools.lru_cache(maxsize=2048)
def _name(code: str, _language: str) -> str:
    return str(countries.name(code))


@functools.lru_cache(maxsize=512)
def _flag(code: str, _static_url: str) -> str:
    return Country(code=code).flag
