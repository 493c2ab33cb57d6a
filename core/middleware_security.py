"""Request id, slow-request warning, Permissions-Policy and the Content-Security-Policy."""

import logging
import re
import time
import uuid

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the API documentation exception above."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(API_DOCS_PREFIXES):
            parts.update = {**API_DOCS_POLICY_UPDATE, **(parts.update or {})}
        return parts
