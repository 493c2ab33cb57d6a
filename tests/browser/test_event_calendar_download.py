"""An event's "add to calendar" link downloads an iCalendar file."""

import pytest
from playwright.sync_api import expect

from portal.demo.data import SEPTEMBER_2023_EVENT
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_it_downloads_the_event_as_ics(page, demo_site):
    page.goto(f"{demo_site.url}/events/{SEPTEMBER_2023_EVENT}/")
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "event")

    with page.expect_download() as download_info:
        page.locator('a[href$=".ics"]').first.click()

    content = download_info.value.path().read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in content
