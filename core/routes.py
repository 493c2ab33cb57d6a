"""URL shapes the apps' URLconfs share, written once, and the addresses of pages named by a slug.

Each pattern helper returns a list of ordinary `path()` patterns, to unpack into a URLconf
(`*object_pages(...)`); the order of the list is the order of the patterns.
"""

import functools
import re

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, path, reverse
from django.utils.translation import get_language

# What Django's <slug:> converter matches; anything else is left to reverse() to judge.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_SLUG_MARK = "slug-mark"


def slug_url(view_name: str, slug: str) -> str:
    """`reverse(view_name, kwargs={"slug": slug})`, put together from the parts of the address
    around the slug, which are reversed once per language.

    A list page links to every item it shows: reversing each address cost 35 µs, 66 times on a
    cluster's page."""
    if _SLUG.fullmatch(slug):
        around = _around_slug(
            view_name,
            get_language(),
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )
        if around:
            return f"{around[0]}{slug}{around[1]}"
    return reverse(view_name, kwargs={"slug": slug})


@functools.lru_cache(maxsize=256)
def _around_slug(view_name, _language, _script_prefix, urlconf) -> tuple[str, str] | None:
    try:
        address = reverse(view_name, kwargs={"slug": _SLUG_MARK}, urlconf=urlconf)
    except NoReverseMatch:
        return None
    head, _mark, tail = address.partition(_SLUG_MARK)
    return head, tail


def object_pages(at: str, views: dict, *, name_prefix: str = "") -> list:
    """The pages and actions under one object's address, each named after its last word:
    `<at><word>/`, named `<name_prefix><word>` (`applications/<int:pk>/withdraw/`, named
    "application-withdraw"). `views` maps each word to its view, in URL order."""
    return [path(f"{at}{word}/", view, name=f"{name_prefix}{word}") for word, view in views.items()]


def statistics_pages(at: str, page_view, csv_view, *, name_prefix: str = "") -> list:
    """A statistics page, `<at>statistics/`, and the CSV of each of its charts,
    `<at>statistics/<chart>.csv`: named `<name_prefix>statistics` and
    `<name_prefix>statistics-csv`."""
    return [
        path(f"{at}statistics/", page_view, name=f"{name_prefix}statistics"),
        path(f"{at}statistics/<slug:chart>.csv", csv_view, name=f"{name_prefix}statistics-csv"),
    ]
