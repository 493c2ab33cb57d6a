"""No page breaks the Content-Security-Policy: every page type is visited in Chromium, which
records each `securitypolicyviolation` event and each console message about the policy."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import new_watched_page
from tests.factories import StaffUserFactory
from tests.security.pages import public_pages, signed_in_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "correct horse battery staple 42"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} ` +
    `(${event.sourceFile || "?"}:${event.lineNumber || 0})`
  );
});
"""

# What each page must have drawn, so a page whose script was blocked cannot pass unnoticed.
RENDERED = {
    "map": "#portal-map path.map-city",
    "API docs (Swagger UI)": ".swagger-ui .info .title",
    "API docs (Redoc)": ".api-content h1",
}


def csp_watched_page(browser):
    context, page = new_watched_page(browser)
    context.add_init_script(RECORD_VIOLATIONS)
    page.csp_messages = []
    page.on(
        "console",
        lambda message: (
            page.csp_messages.append(f"{message.text} at {page.url}")
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return context, page


def visit(page, base_url, name, path) -> list[str]:
    page.goto(base_url + path, wait_until="networkidle")
    if name in RENDERED:
        expect(page.locator(RENDERED[name]).first).to_be_attached(timeout=15_000)
    violations = page.evaluate("window.__cspViolations || []")
    return [f"{name} ({path}): {violation}" for violation in violations]


def test_it_serves_every_public_page_type_without_a_csp_violation(browser, demo_site):
    context, page = csp_watched_page(browser)
    violations = []
    try:
        for name, path in public_pages().items():
            violations += visit(page, demo_site.url, name, path)
    finally:
        context.close()

    assert not violations + page.csp_messages, "\n".join(violations + page.csp_messages)
    assert not page.watch.problems(), page.watch.problems()


def test_it_serves_every_signed_in_page_type_without_a_csp_violation(browser, demo_site):
    staff = StaffUserFactory(email="csp-check@example.org", is_staff=True)
    staff.set_password(PASSWORD)
    staff.save()
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    context, page = csp_watched_page(browser)
    violations = []
    try:
        page.goto(demo_site.url + reverse("account_login"))
        page.get_by_label("Email").fill(staff.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/me/")
        for name, path in signed_in_pages().items():
            violations += visit(page, demo_site.url, name, path)
        violations += visit(page, demo_site.url, "admin", "/admin/")
    finally:
        context.close()

    assert not violations + page.csp_messages, "\n".join(violations + page.csp_messages)
    assert not page.watch.problems(), page.watch.problems()
