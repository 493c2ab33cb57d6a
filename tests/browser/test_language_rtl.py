"""Choosing Arabic with the language switcher turns the whole page right-to-left."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_it_switches_to_arabic_and_reads_right_to_left(page, demo_site):
    page.goto(demo_site.url + "/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.locator("header a.language-link").click()
    page.locator('button[name="language"][value="ar"]').click()

    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
    screenshot(page, "home-arabic")
