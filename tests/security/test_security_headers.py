"""Every page type answers with the security headers: a strict CSP, no framing, no sniffing,
a referrer policy, a Permissions-Policy and a request id."""

import pytest

from tests.factories import UserFactory
from tests.security.pages import public_pages, signed_in_pages

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response, url):
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["X-Frame-Options"] == "DENY", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions, url
    assert response["X-Request-ID"], url
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"], url
    assert csp["script-src"] == ["'self'"], url
    assert csp["object-src"] == ["'none'"], url
    assert csp["base-uri"] == ["'none'"], url
    assert csp["frame-ancestors"] == ["'none'"], url
    assert csp["form-action"] == ["'self'"], url
    assert csp["img-src"] == ["'self'", "data:"], url
    return csp


def test_it_sends_the_security_headers_on_every_public_page(client, demo_content):
    for name, url in public_pages().items():
        # The admin's sign-in is allauth's (followed), so the final page is what is checked.
        response = client.get(url, follow=True)
        csp = assert_security_headers(response, f"{name}: {url}")
        if url.startswith("/api/"):
            # Swagger UI, Redoc and the browsable API style themselves inline; scripts stay strict.
            assert csp["style-src"] == ["'self'", "'unsafe-inline'"], url
        else:
            assert csp["style-src"] == ["'self'"], f"{name}: {url}"


def test_it_sends_the_security_headers_on_every_signed_in_page(client, demo_content):
    client.force_login(UserFactory())
    for name, url in signed_in_pages().items():
        # Setting up an authenticator first asks for the password again (followed).
        response = client.get(url, follow=True)
        csp = assert_security_headers(response, f"{name}: {url}")
        assert csp["style-src"] == ["'self'"], url


def test_it_sends_the_security_headers_with_api_json(client, demo_content):
    response = client.get("/api/v1/clusters/", HTTP_ACCEPT="application/json")

    assert response["Content-Type"].startswith("application/json")
    assert_security_headers(response, "API JSON")


def test_it_serves_no_page_with_an_inline_script_or_style_attribute(client, demo_content):
    for name, url in public_pages().items():
        if url.startswith("/api/") or url.startswith("/admin/"):
            continue
        html = client.get(url, follow=True).content.decode()
        assert "<script>" not in html, f"inline script on {name}"
        assert ' style="' not in html, f"style attribute on {name}"
