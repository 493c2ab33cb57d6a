"""A first visit: the server writes the page before it knows the browser's time zone, so its
times are in UTC. A page that shows times then offers to show them in the visitor's zone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_watched_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_first_visit_from_nairobi_is_offered_its_own_time_zone(browser, demo_site):
    context, page = new_watched_page(browser, timezone_id="Africa/Nairobi")
    try:
        page.goto(demo_site.url + "/events/")
        offer = page.locator(".time-zone-offer")
        expect(offer).to_be_visible()
        # UTC+3 in its own left-to-right run (U+2066 ... U+2069), as everywhere a zone is named.
        expect(offer).to_contain_text("Times on this page are in \u2066UTC\u2069.")
        expect(page.locator(".time-zone-note")).to_contain_text("Times are shown in \u2066UTC")
        # The list's "Times are shown in your time zone (UTC)" is not true of this visitor.
        expect(page.locator(".lead .time-zone-claim")).to_be_hidden()

        offer.get_by_role("link", name="Show them in your time zone").click()

        expect(page.locator(".time-zone-note")).to_contain_text("Times are shown in Nairobi")
        expect(page.locator(".time-zone-offer")).to_be_hidden()
        expect(page.locator(".lead .time-zone-claim")).to_contain_text("(Nairobi")
    finally:
        context.close()


@pytest.mark.parametrize(
    ("zone", "path"),
    [("UTC", "/events/"), ("Africa/Nairobi", "/pages/about/")],
    ids=["the page is already in the visitor's zone", "a page without times"],
)
def test_no_offer_is_made_where_it_would_change_nothing(browser, demo_site, zone, path):
    context, page = new_watched_page(browser, timezone_id=zone)
    try:
        page.goto(demo_site.url + path)
        page.wait_for_load_state("load")

        expect(page.locator(".time-zone-offer")).to_be_hidden()
    finally:
        context.close()
