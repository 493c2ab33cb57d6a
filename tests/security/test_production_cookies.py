"""In production the cookies are __Host- prefixed, Secure, HttpOnly and SameSite=Lax, HSTS
covers a year and subdomains, and behind a TLS proxy X-Forwarded-Proto is trusted.

Production settings are read once per process, so each case runs in a fresh interpreter.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import override_settings
# Static files are not collected here; the production manifest storage would refuse to render.
override_settings(STORAGES={
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
from django.test import Client
client = Client(HTTP_HOST="cities.example.org")
page = client.get("/accounts/login/", secure=True)
proxied = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
cookie = page.cookies[settings.CSRF_COOKIE_NAME]
print(json.dumps({
    "session_cookie": settings.SESSION_COOKIE_NAME,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "session_samesite": settings.SESSION_COOKIE_SAMESITE,
    "language_cookie": settings.LANGUAGE_COOKIE_NAME,
    "language_secure": settings.LANGUAGE_COOKIE_SECURE,
    "csrf_cookie": cookie.key,
    "csrf_flags": cookie.output(),
    "hsts": page.get("Strict-Transport-Security"),
    "proxied_status": proxied.status_code,
}))
"""


def run_production_probe(tmp_path, **variables):
    child_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "BEHIND_")) and key != "DATABASE_URL"
    }
    child_env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cities.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **variables,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO_ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_names_and_flags_the_cookies_for_production(tmp_path):
    probe = run_production_probe(tmp_path)

    assert probe["session_cookie"] == "__Host-sessionid"
    assert probe["session_secure"] is True
    assert probe["session_httponly"] is True
    assert probe["session_samesite"] == "Lax"
    assert probe["language_cookie"] == "__Host-django_language"
    assert probe["language_secure"] is True
    assert probe["csrf_cookie"] == "__Host-csrftoken"
    flags = probe["csrf_flags"].lower()
    assert "secure" in flags
    assert "httponly" in flags
    assert "samesite=lax" in flags
    assert "path=/" in flags
    assert "domain=" not in flags
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_it_trusts_the_forwarded_protocol_only_behind_a_tls_proxy(tmp_path):
    direct = run_production_probe(tmp_path)
    proxied = run_production_probe(tmp_path, BEHIND_TLS_PROXY="true")

    assert direct["proxied_status"] == 301
    assert proxied["proxied_status"] == 200
