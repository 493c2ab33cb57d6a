"""The list pages' suggestion boxes: typing part of a partner's acronym or a city's name fills the
box's list from the server, and the slug it offers narrows the list."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PILOT_TITLE = re.compile("Sustainable Disaster Risk Governance in Lebanon")


def test_the_partner_box_suggests_as_one_types_and_its_choice_narrows_the_pilots(page, demo_site):
    page.goto(demo_site.url + "/projects/")
    box = page.locator("form.filter-form").get_by_label("Partner")

    box.press_sequentially("unos")

    suggestion = page.locator('#partner-options option[value="unossc"]')
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_have_attribute(
        "label", "United Nations Office for South-South Cooperation (UNOSSC)"
    )
    box.fill("unossc")
    page.locator("form.filter-form").get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"partner=unossc"))
    expect(page.locator("main")).to_contain_text(PILOT_TITLE)
    expect(box).to_have_value("unossc")


def test_the_city_box_suggests_in_the_pages_language(page, demo_site):
    page.goto(demo_site.url + "/ar/projects/")
    box = page.locator("form.filter-form").locator('input[name="city"]')

    box.press_sequentially("طرا")

    expect(page.locator('#city-options option[value="tripoli-lebanon"]')).to_have_count(1)
    expect(page.locator("#partner-options option")).to_have_count(0)
