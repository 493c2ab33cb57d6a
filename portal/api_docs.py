"""Redoc's script from the sidecar package, minus its one request to a third party.

Redoc's side menu always draws Redocly's logo from cdn.redoc.ly. The portal fetches nothing from
the internet at run time and its CSP blocks the image (img-src 'self' data:), which the browser
reports as a violation on every visit; this serves the same bundle with the logo as an empty
inline SVG instead.
"""

from functools import lru_cache
from pathlib import Path

import drf_spectacular_sidecar
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

REDOC_BUNDLE = (
    Path(drf_spectacular_sidecar.__file__).parent
    / "static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
)
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@lru_cache(maxsize=1)
def redoc_bundle_without_third_party_logo() -> bytes:
    return REDOC_BUNDLE.read_text(encoding="utf-8").replace(REDOCLY_LOGO, EMPTY_SVG).encode()


@require_safe
def redoc_script(request):
    response = HttpResponse(
        redoc_bundle_without_third_party_logo(), content_type="text/javascript; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=86400)
    return response
