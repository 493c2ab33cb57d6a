"""Defaults DRF loads while its own classes are being defined (pagination, throttles).

They live apart from config.api_support, which imports DRF's views, to keep the import order
free of cycles.
"""

from rest_framework import exceptions, permissions
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

# --- Pagination -----------------------------------------------------------------------------


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


class _RatesFromSettings:
    """DRF binds the rates when the class is imported; reading them per request lets tests and
    deployments change them without a restart of the import machinery."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_RatesFromSettings, AnonRateThrottle):
    pass


class UserThrottle(_RatesFromSettings, UserRateThrottle):
    pass


class WriteThrottle(_RatesFromSettings, SimpleRateThrottle):
    """A stricter budget shared by every POST, PUT, PATCH and DELETE of one client."""

    scope = "write"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
