"""Keep anonymous pages rendered for a minute in the shared cache (Redis in production).

The portal is read far more than it is written, and PublicCacheMiddleware already tells browsers
and shared caches that an anonymous page may be kept for 60 s. This middleware is that shared
cache, inside the app: it stores only what PublicCacheMiddleware marked `public` (GET, 200, no
cookie set) and serves it to the next anonymous visitor asking for the same URL (which names the
language) in the same time zone, before sessions, authentication and the view run.

Anyone with a session cookie (signed in, or carrying flash messages in the session), a messages
cookie or an Authorization header bypasses it, so editors always see their changes at once;
anonymous visitors see them within PAGE_CACHE_SECONDS, as with the browser cache. Publishing or
withdrawing content forgets every kept page at once, on every web node (`page_cache_invalidate`):
each entry remembers the generation it was stored under, and a publication starts a new one.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import get_max_age, set_response_etag

from core.i18n import path_language
from core.middleware import TIME_ZONE_COOKIE, accepts_gzip
from core.time_zones import valid_time_zone

KEY_PREFIX = "page-cache:v3:"
GENERATION_KEY = "page-cache:generation"
# Headers that depend on the request rather than the page; outer middleware sets them afresh.
# The ETag depends on the page alone: it is computed once, when the page is kept (below).
REQUEST_SPECIFIC_HEADERS = {"x-request-id", "content-security-policy", "etag"}
UNCACHED_PREFIXES = ("/api/", "/admin/")

# Sent by `page_cache_invalidate`, once the change is committed, to stores of public figures
# that outlive the cache (the statistics summary in the database).
content_changed = Signal()


def _key(request) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # let the normal path answer with its 400
    # The address says the language (core.i18n); the cookie and Accept-Language do not.
    language = path_language(request.path_info)
    zone = valid_time_zone(request.COOKIES.get(TIME_ZONE_COOKIE)) or "UTC"
    # A page is kept as TextGZipMiddleware (inside this one) answered it: compressed for a client
    # that accepts gzip, plain for one that does not.
    encoding = "gzip" if accepts_gzip(request) else ""
    raw = "\n".join(
        (
            request.scheme,
            host,
            request.get_full_path(),
            language,
            zone,
            request.headers.get("Accept", ""),
            encoding,
        )
    )
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def kept_for_content(
    key: str, compute: Callable[[], Any], seconds: int | Callable[[Any], int], *, until_kept=None
):
    """`compute()`, kept under `key` until content changes (a new generation) or `seconds` pass
    (a number, or a function of the value: what is left of its own life, for a value that was
    itself kept somewhere before).

    For other caches of public figures (the portal's statistics, which clusters partners reach):
    one cache read asks for the value and the generation together. The generation is read
    before computing, so a change made meanwhile starts a generation the value is not kept for.

    With `until_kept`, nothing kept means `until_kept()` is returned and nothing is kept: for a
    caller that can answer its own question for much less than the whole value costs.
    """
    found = cache.get_many([key, GENERATION_KEY])
    generation = found.get(GENERATION_KEY, 0)
    kept = found.get(key)
    if kept is not None and kept[0] == generation:
        return kept[1]
    if until_kept is not None:
        return until_kept()
    value = compute()
    cache.set(key, (generation, value), seconds(value) if callable(seconds) else seconds)
    return value


def page_cache_invalidate() -> None:
    """Forget every kept page: the next anonymous visitor of any page, on any node, gets it fresh.

    Called once the change is committed (`transaction.on_commit`), so a value counted from the
    primary's data before it is never kept under the generation that comes after. A replica
    that lags behind the commit can still give a page its old data for as long as it lags.

    The stores that outlive the cache are told first: a visitor who came between the new
    generation and their outdating would keep their old value under the new generation."""
    content_changed.send(sender=page_cache_invalidate)
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _may_use_cache(request) -> bool:
    if request.method != "GET" or "Authorization" in request.headers:
        return False
    # The API keeps its own anonymous read cache, after throttling (config/api_support.py); the
    # admin is never public. Neither is worth a cache round trip here.
    if request.path_info.startswith(UNCACHED_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        if key is None:
            return self.get_response(request)
        # One round trip for the page and the current generation.
        found = cache.get_many([key, GENERATION_KEY])
        generation = found.get(GENERATION_KEY, 0)
        cached = found.get(key)
        if cached is not None and cached[0] == generation:
            return cached[1]
        response = self.get_response(request)
        if self._storable(response):
            self._store(key, response, seconds, generation)
        return response

    @staticmethod
    def _storable(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in cache_control
            and (get_max_age(response) or 0) > 0
        )

    @staticmethod
    def _store(key, response, seconds, generation) -> None:
        copy = HttpResponse(content=response.content, status=response.status_code)
        for header, value in response.items():
            if header.lower() not in REQUEST_SPECIFIC_HEADERS:
                copy[header] = value
        # ConditionalGetMiddleware's own ETag (an MD5 of the body), so that a kept page does not
        # hash its body again on every visit: 70 µs of a 0.7 ms cache hit. An ETag the page
        # already has is kept, as ConditionalGetMiddleware keeps it: a compressed page brings
        # the one of its plain bytes (core.middleware.gzip_body), which stays the same when the
        # page is kept again.
        if response.has_header("ETag"):
            copy["ETag"] = response["ETag"]
        else:
            set_response_etag(copy)
        cache.set(key, (generation, copy), min(seconds, get_max_age(response)))


# Rows shown on public pages besides the content types themselves (every PublishableModel and
# translatable OriginalLanguageModel): saving or deleting one changes what a kept page shows.
PUBLIC_RELATIONS = frozenset(
    {
        "clusters.topic",
        "clusters.clustermembership",
        "cities.cityneed",
        "cities.cityoffer",
        "cities.citytopic",
        "accounts.organizationoffer",
        "projects.projectcity",
        "projects.projectpartner",
        "events.eventcohost",
    }
)


def content_saved(sender, instance=None, **kwargs) -> None:
    """post_save / post_delete: an edit of public content reaches kept pages at once (an editor
    sees their change on the page they come back to, signed in or not)."""
    from core.content_language import OriginalLanguageModel
    from core.models import PublishableModel

    if kwargs.get("raw"):
        return  # fixtures being loaded
    if (
        isinstance(instance, PublishableModel | OriginalLanguageModel)
        or sender._meta.label_lower in PUBLIC_RELATIONS
    ):
        transaction.on_commit(page_cache_invalidate)


def content_relations_changed(sender, instance=None, action="", **kwargs) -> None:
    """m2m_changed: adding or removing a public item's related rows (a pilot's clusters, from
    either side) changes its pages as a save does, and no post_save is sent for it. The link
    table is the sender, so one listed in PUBLIC_RELATIONS counts whichever side changed it."""
    if action in {"post_add", "post_remove", "post_clear"}:
        content_saved(sender, instance, **kwargs)
