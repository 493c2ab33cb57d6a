"""Request id, slow-request warning, Permissions-Policy and the Content-Security-Policy."""

import logging
import re
import time
import uuid

from csp.constants import HEADER, HEADER_REPORT_ONLY, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.http import HttpResponse

from core.logging import request_id_var

logger = logging.getLogger("portal.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is kept only if it is short and plain: it goes into log lines and a header.
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def request_id_from(request) -> str:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if _SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Tag the request (and every log record made while serving it) with an id, echo it back,
    and warn when the request took longer than SLOW_REQUEST_MS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        token = request_id_var.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.request_id
            elapsed_ms = (time.perf_counter() - started) * 1000
            threshold = settings.SLOW_REQUEST_MS
            if threshold and elapsed_ms >= threshold:
                logger.warning(
                    "Slow request: %s %s took %.0f ms (status %s)",
                    request.method,
                    request.path,
                    elapsed_ms,
                    response.status_code,
                    extra={
                        "duration_ms": round(elapsed_ms),
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                    },
                )
            return response
        finally:
            request_id_var.reset(token)


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


# Swagger UI, Redoc and DRF's browsable API set style attributes and inject <style> elements
# (Redoc through styled-components); there, and only there, inline *styles* are allowed. Scripts
# stay 'self'-only everywhere; Redoc also builds its search worker from a blob: URL.
API_DOCS_PREFIXES = ("/api/docs/", "/api/redoc/", "/api/v1/")
API_DOCS_POLICY_UPDATE = {"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]}


# What would make one response's policy differ from another's of the same kind of page: a view's
# csp decorators (attributes on the response) or a nonce the page asked for.
_PER_RESPONSE_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt",
    "_csp_exempt_ro",
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the API documentation exception above.

    The portal's policy comes from the settings alone, so its headers are built once per kind of
    page (the API documentation, or any other) and reused: django-csp builds them afresh for every
    response, 66 µs of a 0.7 ms cached page. A response that a decorator changes, or a page that
    asked for a nonce, still goes through django-csp whole.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self._built = {}

    def process_response(self, request, response):
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        policy_ro = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _PER_RESPONSE_POLICY)
            or any((config or {}).get("EXCLUDE_URL_PREFIXES") for config in (policy, policy_ro))
        ):
            return super().process_response(request, response)
        # The settings objects themselves are in the key, so a test overriding them gets its own.
        key = (
            request.path_info.startswith(API_DOCS_PREFIXES),
            response.status_code,
            settings.DEBUG,
            id(policy),
            id(policy_ro),
        )
        headers = self._built.get(key)
        if headers is None:
            built = super().process_response(request, HttpResponse(status=response.status_code))
            headers = self._built[key] = {
                name: built[name] for name in (HEADER, HEADER_REPORT_ONLY) if name in built
            }
        for name, value in headers.items():
            response.setdefault(name, value)
        # As django-csp does: a nonce asked for after this point could not be in the header.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(API_DOCS_PREFIXES):
            parts.update = {**API_DOCS_POLICY_UPDATE, **(parts.update or {})}
        return parts
