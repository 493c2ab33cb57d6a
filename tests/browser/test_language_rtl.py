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


def test_code_on_an_arabic_page_runs_left_to_right(page, demo_site):
    # The API token page shows the header to send: "Authorization: Token <key>". Laid out in the
    # page's direction, its ">" came first.
    page.goto(demo_site.url + "/accounts/login/")
    page.fill("input[name=login]", "partner@example.org")
    page.fill("input[name=password]", "demo-password-2026")
    page.click("form:has(input[name=login]) button[type=submit]")
    page.goto(demo_site.url + "/ar/api/tokens/")

    code = page.locator("main code").first
    expect(code).to_have_text("Authorization: Token <key>")
    assert code.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert code.evaluate("element => getComputedStyle(element).unicodeBidi") == "isolate"
