"""Each language has its own addresses: English at `/`, the others under `/fr/`, `/ar/`, ...

config/urls.py puts every page under `i18n_patterns` (prefix_default_language=False); the API,
the admin, the sitemap, health checks and static files stay unprefixed. The language of a page is
the one in its address, never the cookie: a shared link opens in the language it was sent in. The
cookie only remembers the choice made on the language page, which then goes to the prefixed page.

Here: moving an address into another language, the `<link rel="alternate" hreflang>` set of the
current page, Open Graph locales, and the language an API request asks for (`?lang=`, else
Accept-Language; never the cookie, so a shared API link answers the same to everyone).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

# Open Graph wants language_TERRITORY; one territory per language, as the UN's own sites use.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "es": "es_ES",
    "ar": "ar_AR",
    "zh-hans": "zh_CN",
    "ru": "ru_RU",
}
API_LANGUAGE_PARAMETER = "lang"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def path_language(path: str) -> str:
    """The language an address is in: its prefix, else the default language (English)."""
    return translation.get_language_from_path(urlsplit(path).path) or settings.LANGUAGE_CODE


def path_without_language(path: str) -> str:
    """`path` without its language prefix: /fr/accounts/2fa/ -> /accounts/2fa/."""
    if translation.get_language_from_path(path):
        return "/" + path.lstrip("/").partition("/")[2]
    return path


def path_in_language(url: str, language: str) -> str:
    """`url` (a path or an absolute address of this site) in `language`; query kept.

    An address outside the language prefixes (the API, the sitemap) comes back unchanged, as
    does one that names no page.
    """
    if not url:
        return url
    with translation.override(path_language(url)):
        return translate_url(url, language)


def language_alternates(request) -> list[tuple[str, str]]:
    """[(language, absolute URL)] of this page in every language; [] when it has only one."""
    urls = [(code, _page_in_language(request, code)) for code in language_codes()]
    if len({url for _code, url in urls}) < 2:
        return []
    return [(code, request.build_absolute_uri(url)) for code, url in urls]


def _page_in_language(request, language: str) -> str:
    """The page of `request` in `language`, reversed from the request's own match.

    path_in_language would resolve the path again for each of the six languages: 2 ms of every
    page on a site of some 200 addresses.
    """
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return path_in_language(request.path, language)
    with translation.override(language):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language.replace("-", "_"))


def supported_language(code: str) -> str | None:
    """The site's language for `code` ("fr", "fr-CA", "zh-Hans"), or None."""
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def accept_language(header: str) -> str | None:
    """The first language of an Accept-Language header that the site speaks."""
    for code, _quality in parse_accept_lang_header(header or ""):
        if code == "*":
            break
        found = supported_language(code)
        if found:
            return found
    return None
