"""A visitor goes from the home page to the disaster-risk cluster, on to the Tripoli-Shenzhen
pilot and then to Tripoli's profile, by clicking links only."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PILOT_TITLE = re.compile("Sustainable Disaster Risk Governance in Lebanon")


def test_it_browses_from_home_to_cluster_to_pilot_to_city(page, demo_site):
    page.goto(demo_site.url + "/")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "home")

    page.locator("main").get_by_role(
        "link", name=re.compile("Disaster Risk Reduction and Mitigation")
    ).first.click()
    expect(page.locator("h1")).to_contain_text("Disaster Risk Reduction")
    screenshot(page, "cluster")

    page.locator("main").get_by_role("link", name=PILOT_TITLE).first.click()
    expect(page.locator("h1")).to_have_text(PILOT_TITLE)
    expect(page.locator("main")).to_contain_text("Shenzhen")
    screenshot(page, "pilot")

    page.locator("main").get_by_role("link", name=re.compile(r"^Tripoli\b")).first.click()
    expect(page.locator("h1")).to_contain_text("Tripoli")
    assert re.search(r"/cities/[\w-]+/$", page.url)
    screenshot(page, "city")
