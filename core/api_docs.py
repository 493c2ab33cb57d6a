"""Redoc's script from the sidecar package, minus its one request to a third party.

Redoc's side menu always draws Redocly's logo from cdn.redoc.ly. The portal fetches nothing from
the internet at run time and its CSP blocks the image (img-src 'self' data:), which the browser
reports as a violation on every visit. This staticfiles finder offers the same bundle, with the
logo as an empty inline SVG, as static/vendor/redoc/redoc.standalone.js: `runserver`, the tests
and `collectstatic` find it like any other static file. It is regenerated when the sidecar
package is upgraded.
"""

import os
import re
from pathlib import Path

import drf_spectacular_sidecar
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

SIDECAR_REDOC = (
    Path(drf_spectacular_sidecar.__file__).parent
    / "static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
)
REDOC_STATIC_PATH = "vendor/redoc/redoc.standalone.js"
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
SOURCE_MAP_COMMENT = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def generated_static_root() -> Path:
    return Path(settings.VAR_DIR) / "generated-static"


def redoc_bundle_path() -> Path:
    target = generated_static_root() / REDOC_STATIC_PATH
    if not target.exists() or target.stat().st_mtime < SIDECAR_REDOC.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        patched = SIDECAR_REDOC.read_text(encoding="utf-8").replace(REDOCLY_LOGO, EMPTY_SVG)
        # The source map stays in the sidecar package (and no longer matches byte for byte).
        patched = SOURCE_MAP_COMMENT.sub("", patched)
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        partial.write_text(patched, encoding="utf-8")
        os.replace(partial, target)  # several processes may generate it at once
    return target


class RedocWithoutThirdPartyLogoFinder(BaseFinder):
    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        if path != REDOC_STATIC_PATH:
            return [] if find_all else None
        found = str(redoc_bundle_path())
        return [found] if find_all else found

    def list(self, ignore_patterns):
        redoc_bundle_path()
        yield REDOC_STATIC_PATH, FileSystemStorage(location=generated_static_root())
