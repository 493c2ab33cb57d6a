"""The list pages' suggestion boxes: typing part of a partner's acronym or a city's name fills the
box's list from the server, and the slug it offers narrows the list."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_watched_page

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


def test_each_box_fills_its_own_list_in_the_pages_language(page, demo_site):
    page.goto(demo_site.url + "/ar/projects/")
    form = page.locator("form.filter-form")

    form.locator('input[name="city"]').press_sequentially("طرا")
    expect(page.locator('#city-options option[value="tripoli-lebanon"]')).to_have_count(1)
    form.locator('input[name="partner"]').press_sequentially("undp")
    expect(page.locator('#partner-options option[value="undp"]')).to_have_count(1)

    cities = page.locator("#city-options option").evaluate_all("(os) => os.map((o) => o.value)")
    partners = page.locator("#partner-options option").evaluate_all(
        "(os) => os.map((o) => o.value)"
    )
    assert cities == ["tripoli-lebanon"]
    assert partners == ["undp"]


def test_a_late_answer_to_an_earlier_question_does_not_replace_the_latest(page, demo_site):
    held = []
    # The answer for "un" is held back until the answer for "unoss" has been shown.
    page.route(re.compile(r"/partners/names/\?q=un$"), lambda route: held.append(route))
    page.goto(demo_site.url + "/projects/")
    box = page.locator("form.filter-form").get_by_label("Partner")

    box.press_sequentially("un")
    page.wait_for_timeout(400)  # past the box's 200 ms pause: the question for "un" is asked
    box.press_sequentially("oss")
    expect(page.locator("#partner-options option")).to_have_count(1)
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_timeout(500)

    options = page.locator("#partner-options option").evaluate_all("(os) => os.map((o) => o.value)")
    assert options == ["unossc"]


@pytest.mark.parametrize("language", ["", "/ar"])
def test_an_error_repeating_a_long_word_stays_in_its_column_on_a_phone(
    browser, demo_site, language
):
    context, page = new_watched_page(browser, viewport={"width": 390, "height": 800})
    try:
        page.goto(f"{demo_site.url}{language}/projects/?partner={'x' * 60}")
        error = page.locator("#id_partner_error")
        expect(error).to_contain_text("x" * 60)
        page_width = page.evaluate("document.documentElement.scrollWidth")
        box = error.bounding_box()
        field = page.locator("form.filter-form .filter-field").filter(has=error).bounding_box()
    finally:
        context.close()

    assert page_width <= 390
    assert box["x"] >= field["x"] - 1
    assert box["x"] + box["width"] <= field["x"] + field["width"] + 1
