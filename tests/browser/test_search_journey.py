"""A visitor types a city's name in the search box in the header and opens the city."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_it_searches_for_tripoli_and_opens_the_city(page, demo_site):
    page.goto(demo_site.url + "/")

    search_box = page.get_by_role("search").first.get_by_role("searchbox")
    search_box.fill("Tripoli")
    search_box.press("Enter")

    expect(page.locator("#results-heading")).to_contain_text("Tripoli")
    cities = page.locator("#results-city")
    expect(cities).to_be_visible()
    screenshot(page, "search")
    cities.get_by_role("link", name=re.compile(r"^Tripoli")).first.click()

    expect(page.locator("h1")).to_contain_text("Tripoli")
    assert "/cities/" in page.url
