"""Defaults DRF loads while its own classes are being defined (pagination, throttles).

They live apart from core.api, which imports DRF's views, to keep the import order
free of cycles.
"""

import math
from dataclasses import dataclass

from django.core.cache import caches
from rest_framework import exceptions, permissions
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

# --- Pagination -----------------------------------------------------------------------------
from core.page_cache import GENERATION_KEY


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_number(self, request, paginator):
        values = request.query_params.getlist(self.page_query_param)
        # DRF reads a missing, empty or repeated page as "page 1"; only a missing one is.
        if len(values) > 1:
            raise exceptions.ValidationError({self.page_query_param: ["Give one page number."]})
        if values and values[0] == "":
            raise exceptions.NotFound("Invalid page.")
        return super().get_page_number(request, paginator)

    def get_page_size(self, request):
        if len(request.query_params.getlist(self.page_size_query_param)) > 1:
            raise exceptions.ValidationError({self.page_size_query_param: ["Give one page size."]})
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        # DRF silently falls back to the default on nonsense; a client deserves to know.
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise exceptions.ValidationError(
                {self.page_size_query_param: ["Give a whole number of at least 1."]}
            )
        return min(size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1})
                parameter["description"] = (
                    f"Results per page (default {self.page_size}; larger values are capped at "
                    f"{self.max_page_size})."
                )
        return parameters


# --- Throttles ------------------------------------------------------------------------------


@dataclass
class CachedRead:
    """An anonymous read the API may answer from the cache (core.api).

    The throttle fetches the stored answer in the same cache round trip as its count.
    """

    key: str
    fetched: bool = False
    value: object = None
    generation: int = 0  # the content generation current when it was fetched


def window_count(key: str, *, timeout: int, also_get: str | None = None):
    """Count one hit against a fixed-window counter in the default cache: (count, value).

    Redis (core.cache) does it, and reads `also_get` with it, in one round trip; other caches
    (locmem in development and tests) add the key, increment it, then read. A None count means
    the cache could not count: the request goes through, as it did when DRF's throttles found no
    history.
    """
    backend = caches["default"]
    counter = getattr(backend, "window_count", None)
    if counter is not None:
        return counter(key, timeout=timeout, also_get=also_get)
    backend.add(key, 0, timeout)
    try:
        count = backend.incr(key)
    except ValueError:  # expired between add and incr, or the cache is down
        count = None
    if also_get is None:
        return count, None
    if isinstance(also_get, str):
        return count, backend.get(also_get)
    return count, tuple(backend.get(other) for other in also_get)


class FixedWindowRateThrottle(SimpleRateThrottle):
    """DRF's throttles, counted per fixed window instead of with a request history.

    DRF keeps every request's timestamp of the last window in one cache value, read and written
    back whole on each request: two round trips, and a value as long as the rate (pickling
    600 floats per request at the "user" rate). A counter per client and window costs one atomic
    INCR whatever the rate. The price is the usual fixed-window one: a client can spend one
    window's budget at its end and the next at the start of the next one.
    """

    def get_rate(self):
        # DRF binds the rates when the class is imported; reading them per request lets tests
        # and deployments change them without a restart of the import machinery.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends_at = (window + 1) * self.duration
        read = getattr(request, "cached_read", None)
        # The stored answer and the content generation it must belong to, with the count.
        also_get = (read.key, GENERATION_KEY) if read is not None and not read.fetched else None
        count, values = window_count(
            f"{key}:{window}",
            timeout=max(1, math.ceil(self.window_ends_at - self.now)),
            also_get=also_get,
        )
        if also_get is not None and values is not None:
            read.fetched = True
            read.value, read.generation = values[0], values[1] or 0
        return count is None or count <= self.num_requests

    def wait(self):
        """Seconds until the window ends and the budget is whole again (Retry-After)."""
        return max(self.window_ends_at - self.now, 1)


class AnonThrottle(FixedWindowRateThrottle, AnonRateThrottle):
    pass


class UserThrottle(FixedWindowRateThrottle, UserRateThrottle):
    """The "user" budget is for signed-in clients; anonymous ones have the "anon" budget only
    (DRF would count them against both, one more cache round trip for the same verdict)."""

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class WriteThrottle(FixedWindowRateThrottle):
    """A stricter budget shared by every POST, PUT, PATCH and DELETE of one client."""

    scope = "write"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
