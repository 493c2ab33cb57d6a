"""Signing in switches to the profile's language; the notice's button switches straight back."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.page_types import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_person_reading_english_gets_back_to_english_in_one_click(page, demo_site):
    page.goto(demo_site.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    sign_in(page, demo_site.url, "official")  # the demo official's profile says Arabic

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    notice = page.locator(".message.language-switched")
    # In the new language: "The portal is now in Arabic, your profile's language."
    expect(notice).to_contain_text("وهي لغة ملفك الشخصي")
    button = notice.get_by_role("button", name="Switch back to English")
    expect(button).to_have_attribute("lang", "en")
    screenshot(page, "language-notice")

    button.click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".message.language-switched")).to_have_count(0)
