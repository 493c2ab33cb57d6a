"""Per-visitor behaviour that every page shares: the time zone times are shown in, cache headers."""

import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

TIME_ZONE_COOKIE = "tz"

# Pages and feeds are the same for every anonymous visitor with the same cookies and language.
SHAREABLE_CONTENT_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")


@lru_cache(maxsize=1)
def _known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_time_zone(name: str | None) -> str | None:
    if name and name in _known_time_zones():
        return name
    return None


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
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=self.max_age)
        return response


class ApiLanguageMiddleware:
    """`?lang=fr` on an API address selects the language of the content fields (after the
    locale middleware, which has read Accept-Language). Content fields follow the active language
    (core.content_language), and the anonymous API cache keys on it (core.api)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        requested = request.GET.get("lang", "").lower() if request.path.startswith("/api/") else ""
        if requested in {code for code, _name in settings.LANGUAGES}:
            translation.activate(requested)
            request.LANGUAGE_CODE = requested
        return self.get_response(request)
