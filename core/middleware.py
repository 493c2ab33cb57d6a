"""Per-visitor behaviour that every page shares: the time zone times are shown in, cache headers."""

import gzip
import secrets
import zoneinfo

from django.conf import settings
from django.http import JsonResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _

from core import i18n
from core.time_zones import valid_time_zone

TIME_ZONE_COOKIE = "tz"

# Pages and feeds are the same for every anonymous visitor with the same cookies and language.
SHAREABLE_CONTENT_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")


class VisitorTimeZoneMiddleware:
    """Show times in the visitor's zone: the profile's, else the browser's (cookie), else UTC.

    static/js/timezone.js writes the cookie from Intl.DateTimeFormat; a forged or stale value is
    ignored rather than trusted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        profile_zone = user.time_zone if user is not None and user.is_authenticated else None
        zone_name = (
            valid_time_zone(profile_zone)
            or valid_time_zone(request.COOKIES.get(TIME_ZONE_COOKIE))
            or "UTC"
        )
        request.visitor_time_zone = zone_name
        timezone.activate(zoneinfo.ZoneInfo(zone_name))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PublicCacheMiddleware:
    """Let browsers and shared caches keep anonymous pages for a minute; never a signed-in page.

    ConditionalGetMiddleware adds the ETag; a response that already says how to cache itself
    (never_cache, the admin) or sets a cookie is left alone.
    """

    max_age = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not response.get("Content-Type", "").startswith(SHAREABLE_CONTENT_TYPES):
            return response
        # The address names the language (core.i18n); LocaleMiddleware adds Accept-Language to
        # the unprefixed English pages, where Django cannot know that no redirect depends on it.
        patch_vary_headers(response, ("Cookie",))
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=self.max_age)
        return response


class ApiLanguageMiddleware:
    """The API speaks the language a request asks for: `?lang=`, else Accept-Language.

    LocaleMiddleware gives every unprefixed address (the API among them) the default language;
    this one, placed after it, picks the API's. The cookie is not read: an API link answers the
    same to everyone who sends the same headers. Answers say their language (Content-Language)
    and that it depends on Accept-Language (Vary), and the anonymous read cache keys on it
    (core.api). An unknown `?lang=` is a 400 naming the languages on offer.
    """

    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        asked = request.GET.get(i18n.API_LANGUAGE_PARAMETER)
        if asked is not None:
            language = i18n.supported_language(asked)
            if language is None:
                message = _("Unknown language “%(code)s”. Use one of: %(codes)s.") % {
                    "code": asked[:20],
                    "codes": ", ".join(i18n.language_codes()),
                }
                # The API's one error shape (core.api.api_exception_handler).
                error = {
                    "status": 400,
                    "code": "invalid",
                    "message": "The request has invalid fields or parameters.",
                    "fields": {i18n.API_LANGUAGE_PARAMETER: [message]},
                }
                response = JsonResponse({"error": error}, status=400)
                response["Content-Language"] = settings.LANGUAGE_CODE
                return response
        else:
            language = i18n.accept_language(request.headers.get("Accept-Language", ""))
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response


class AdminLanguageMiddleware:
    """The admin has no language prefix: it speaks the language the person chose (the cookie set
    by the language page or at sign-in), else the browser's. It is never cached."""

    prefix = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


# What gains from gzip: text. Photos, PDFs and other uploads are compressed already, and
# compressing them again costs the server for a few bytes.
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/xml", "image/svg+xml")
# zlib's fastest level, as nginx compresses by default: a 43 KB page in half the time of
# Django's level 6, for 8.2 KB instead of 7.2. Level 6 cost a signed-in page a fifth of the
# requests a second it served.
GZIP_LEVEL = 1


def gzipped(content: bytes, *, max_random_bytes: int = GZipMiddleware.max_random_bytes) -> bytes:
    """`content` gzipped at GZIP_LEVEL, with Django's mitigation of BREACH ("Heal The Breach":
    a file name of random length in the gzip header, as django.utils.text.compress_string)."""
    data = memoryview(gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0))
    header = bytearray(data[:10])
    header[3] = gzip.FNAME
    name = b"a" * secrets.randbelow(max_random_bytes) + b"\x00"
    return bytes(header) + name + data[10:]


def accepts_gzip(request) -> bool:
    """Whether the client accepts a gzipped answer, as GZipMiddleware reads it."""
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def gzip_body(request, response) -> bool:
    """Gzip `response`'s whole body in place for a client that accepts it, as GZipMiddleware
    does but at GZIP_LEVEL (its own level is fixed); False when it is left plain (the client
    does not accept gzip, or the body would not be smaller). The answer varies by encoding
    either way."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if not accepts_gzip(request):
        return False
    compressed = gzipped(response.content)
    if len(compressed) >= len(response.content):
        return False
    if (
        request.method == "GET"
        and not response.has_header("ETag")
        and ConditionalGetMiddleware.needs_etag(None, response)
    ):
        # The ETag ConditionalGetMiddleware would give the page, from its plain bytes: the
        # compressed ones differ at each compression (the random name against BREACH), so a
        # page kept again would have answered a browser's revalidation with the whole page.
        set_response_etag(response)
    response.content = compressed
    response.headers["Content-Length"] = str(len(compressed))
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag  # another representation (RFC 9110)
    response.headers["Content-Encoding"] = "gzip"
    return True


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text answers only (pages, the API's JSON and GeoJSON, CSV,
    the sitemap), at zlib's fastest level (`gzip_body`)."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip()
        if not (content_type.startswith(COMPRESSIBLE_TYPES) or content_type.endswith("+json")):
            return response
        if response.streaming:
            return super().process_response(request, response)
        if len(response.content) >= 200 and not response.has_header("Content-Encoding"):
            gzip_body(request, response)
        return response
