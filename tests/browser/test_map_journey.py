"""The map shows the Tripoli-Shenzhen pilot link: drawn as a line, and listed in the table."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_watched_page, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_it_draws_the_tripoli_shenzhen_link(page, demo_site):
    page.goto(demo_site.url + "/map/")

    link_row = (
        page.locator("tr[data-pilot-slug]").filter(has_text="Tripoli").filter(has_text="Shenzhen")
    )
    expect(link_row.first).to_be_visible()
    expect(page.locator("#portal-map path.map-pilot-link").first).to_be_attached()
    expect(page.locator("#portal-map path.map-city").first).to_be_attached()
    expect(page.locator("#portal-map-status")).to_contain_text("pilot links")
    screenshot(page, "map")


def test_it_filters_by_cluster_without_reloading(page, demo_site):
    page.goto(demo_site.url + "/map/")
    expect(page.locator("#portal-map path.map-pilot-link").first).to_be_attached()
    all_links = page.locator("#portal-map path.map-pilot-link").count()

    with page.expect_response(lambda response: "/api/v1/map/?cluster=" in response.url):
        page.locator("#map-cluster").select_option("sustainable-transport-air-quality")

    expect(page.locator("#portal-map path.map-pilot-link")).not_to_have_count(all_links)
    assert "cluster=sustainable-transport-air-quality" in page.url
    hidden_row = page.locator("tr[data-pilot-slug='lebanon-disaster-risk-governance']")
    expect(hidden_row).to_be_hidden()


def test_it_lists_the_link_without_javascript(browser, demo_site):
    context, page = new_watched_page(browser, java_script_enabled=False)
    try:
        page.goto(demo_site.url + "/map/?cluster=disaster-risk-reduction")
        row = page.locator("tr[data-pilot-slug='lebanon-disaster-risk-governance']").first
        expect(row).to_contain_text("Tripoli")
        expect(row).to_contain_text("Shenzhen")
        expect(page.locator("#portal-map")).to_be_hidden()
        screenshot(page, "map-without-javascript")
    finally:
        context.close()
    assert not page.watch.problems(), page.watch.problems()


def test_it_draws_a_light_sketch_when_leaflet_is_not_on_the_page(page, demo_site):
    # As on the home page, which keeps its first visit light and loads map.js without Leaflet.
    page.route("**/vendor/leaflet/leaflet.js", lambda route: route.fulfill(body="", status=200))
    page.goto(demo_site.url + "/map/")

    sketch = page.locator("#portal-map svg.map-svg")
    expect(sketch).to_have_attribute("role", "img")
    expect(sketch.locator("polyline.map-pilot-link").first).to_be_attached()
    tripoli_shenzhen = sketch.locator("polyline.map-pilot-link title").filter(
        has_text="Governance in Lebanon"
    )
    expect(tripoli_shenzhen).to_contain_text("Tripoli")
    expect(tripoli_shenzhen).to_contain_text("Shenzhen")
    screenshot(page, "map-sketch")
