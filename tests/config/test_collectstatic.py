"""The Docker image collects static files at build time with production storage, which hashes every
file and rewrites the references inside CSS and JS: one reference to a missing file breaks the build."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"

COLLECT = """
import sys
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
settings.STATIC_ROOT = sys.argv[1]
# Production really uses the compressing manifest storage...
assert settings.STORAGES["staticfiles"]["BACKEND"] == sys.argv[2], settings.STORAGES
# ...but only the manifest step can break on a missing reference; whitenoise's compression of the API
# docs bundles adds minutes and cannot fail that way, so it is left to the image build.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
call_command("collectstatic", interactive=False, verbosity=0)
"""


def test_it_collects_static_files_with_production_storage(tmp_path):
    static_root = tmp_path / "static"
    child_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    result = subprocess.run(
        [sys.executable, "-c", COLLECT, str(static_root), PRODUCTION_STORAGE],
        cwd=REPO_ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert (static_root / "staticfiles.json").exists()
    assert list(static_root.glob("admin/css/base.*.css"))
    assert list(static_root.glob("vendor/leaflet/leaflet.*.js"))
