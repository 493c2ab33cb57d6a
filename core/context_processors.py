from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from core import i18n


def site(request):
    """What base.html needs on every page: site name, canonical URL, time zone, preview image,
    and the page in the other languages (hreflang alternates, Open Graph locales)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Query strings (filters, pages, tracking) do not make a different page for search engines.
        "canonical_url": request.build_absolute_uri(request.path),
        "VISITOR_TIME_ZONE": getattr(request, "visitor_time_zone", settings.TIME_ZONE),
        # Link previews (Open Graph) need an absolute address.
        "og_image_url": request.build_absolute_uri(static("img/og-image.png")),
        # Called by the template only when it shows them (base.html's head).
        "language_alternates": partial(i18n.language_alternates, request),
        "og_locale": i18n.og_locale(language),
        "og_locale_alternates": [
            i18n.og_locale(code) for code in i18n.language_codes() if code != language
        ],
        "page_to_return_to": partial(page_to_return_to, request),
    }


def page_to_return_to(request) -> str:
    """Where the language switcher brings the reader back: this page, or, when this is the answer
    to a form sent by POST (its errors shown), the page the form was on. The POST-only address
    would answer a GET with an empty "405 Method Not Allowed"."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"
