from functools import partial

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation

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
    }
