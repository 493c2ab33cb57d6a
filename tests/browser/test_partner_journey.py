"""A partner offers technical expertise to the Lebanon pilot; staff accept; the partner sees it."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_watched_page, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "demo-password-2026"
PILOT = "/projects/lebanon-disaster-risk-governance/"


def sign_in(page, email):
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_it_takes_a_partners_request_from_the_pilot_page_to_accepted(
    page, browser, demo_site, settings
):
    # Humans need more than a second; the browser is quick but waits out a short minimum.
    settings.COLLABORATION_MIN_FILL_SECONDS = 1

    page.goto(demo_site.url + PILOT)
    page.get_by_role("link", name="Request collaboration").click()
    sign_in(page, "partner@example.org")

    expect(page.get_by_role("heading", level=1)).to_have_text("Request collaboration")
    expect(page.get_by_label("With which pilot, cluster or city?")).to_have_value(
        "project:lebanon-disaster-risk-governance"
    )
    page.get_by_label("Offer technical expertise").check()
    page.get_by_label("Your message").fill(
        "Our network maps flood risk with **community volunteers** and can train Tripoli's team."
    )
    page.get_by_label("How should we contact you?").fill("Email, in English or French")
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Send my request").click()

    expect(page.locator("#request-status")).to_have_text("Submitted")
    request_url = page.url
    assert re.search(r"/collaborate/\d+/$", request_url)

    staff_context, staff_page = new_watched_page(browser)
    try:
        staff_page.goto(demo_site.url + "/collaborate/review/")
        sign_in(staff_page, "editor@example.org")
        request_path = urlparse(request_url).path
        staff_page.locator(f'.review-queue a[href="{request_path}"]').click()
        staff_page.get_by_role("button", name="Start the review").click()
        expect(staff_page.locator("#request-status")).to_have_text("Under review")
        staff_page.get_by_label("The organization joins the pilot as a partner").check()
        staff_page.get_by_role("button", name="Accept the request").click()
        expect(staff_page.locator("#request-status")).to_have_text("Accepted")
        assert not staff_page.watch.problems(), staff_page.watch.problems()
    finally:
        staff_context.close()

    page.goto(demo_site.url + "/collaborate/mine/")
    expect(page.locator(".collaboration-status").first).to_have_text("Accepted")
    page.goto(request_url)
    expect(page.locator("#request-status")).to_have_text("Accepted")
    # Joining the pilot as a partner is what the acceptance led to.
    expect(page.get_by_role("definition").filter(has_text="— Technical expertise")).to_be_visible()
    screenshot(page, "partner-request-accepted")
