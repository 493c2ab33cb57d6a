"""A visitor signs up, confirms the address from the emailed link, lands on the profile, signs in
and reaches My portal, then the profile."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a-long-river-crossing-2026"
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def mail_folder(settings, tmp_path):
    # The live server runs in another thread; files are what both threads see for sure.
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    return Path(settings.EMAIL_FILE_PATH)


def confirmation_path(mail_folder: Path) -> str:
    messages = "".join(path.read_text() for path in sorted(mail_folder.glob("*.log")))
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", messages).group(1)


def assert_accessible(page, name):
    violations = [
        violation
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    assert not violations, f"{name}: " + "; ".join(
        f"{v['id']} at {[node['target'] for node in v['nodes']]}" for v in violations
    )


def test_it_takes_a_visitor_from_sign_up_to_the_profile(page, demo_site, mail_folder):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    assert_accessible(page, "sign-up")

    page.get_by_label("Your name").fill("Nadia Fares")
    page.get_by_label("Email").fill("nadia@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")

    page.goto(demo_site.url + confirmation_path(mail_folder))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("NADIA@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Signing in leads to My portal, the person's work; the profile is one link away.
    expect(page.get_by_role("heading", level=1)).to_have_text("My portal")
    # With the one-off "signed in" message showing: the message list must stay a real list.
    expect(page.get_by_role("status")).to_be_visible()
    assert_accessible(page, "my-portal-after-sign-in")
    page.get_by_role("link", name="Profile", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect(page.get_by_label("Name")).to_have_value("Nadia Fares")
    expect(page.get_by_text("Signed-in visitor")).to_be_visible()
    screenshot(page, "account-profile")
    assert_accessible(page, "profile")
