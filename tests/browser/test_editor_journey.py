"""UN staff post a pilot through the site: draft, preview, publish, and it is on the cluster page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "demo-password-2026"  # the demo accounts' published password
TITLE = "Tunis–Nairobi flood early-warning exchange"
CLUSTER = "/clusters/disaster-risk-reduction/"


def test_it_takes_an_editor_from_a_new_draft_pilot_to_the_cluster_page(page, demo_site):
    from cities.models import City
    from clusters.models import Cluster

    tunis = City.objects.get(slug="tunis")
    nairobi = City.objects.get(slug="nairobi")
    cluster = Cluster.objects.get(slug="disaster-risk-reduction")

    page.goto(demo_site.url + "/projects/new/")
    page.get_by_label("Email").fill("editor@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New project")

    page.get_by_label("Kind").select_option("pilot")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Tunis shares its flood warnings with Nairobi.")
    page.locator("#id_body").fill("Two cities, **one early-warning system**.")
    page.get_by_label("Phase").select_option("active")
    page.get_by_label(cluster.name).check()
    page.locator("select[name='cities-0-city']").select_option(str(tunis.pk))
    page.locator("select[name='cities-0-role']").select_option("sharing")
    page.locator("select[name='cities-1-city']").select_option(str(nairobi.pk))
    page.locator("select[name='cities-1-role']").select_option("learning")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_text("Draft — not visible to the public")).to_be_visible()
    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("Preview — not published")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("link", name="Tunis").first).to_be_visible()
    screenshot(page, "editor-pilot-preview")

    page.get_by_role("link", name="Back to the form").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Preview — not published")).to_have_count(0)

    page.goto(demo_site.url + CLUSTER)
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    screenshot(page, "editor-pilot-on-cluster-page")


def test_it_adds_a_row_in_place_and_searches_long_lists(page, demo_site):
    page.goto(demo_site.url + "/projects/new/")
    page.get_by_label("Email").fill("editor@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    rows = page.locator("[data-formset='cities'] .editor-formset-row")
    expect(rows).to_have_count(2)
    url_before = page.url

    page.get_by_role("button", name="Add another row (cities and their roles)").click()

    expect(rows).to_have_count(3)
    assert page.url == url_before  # no round trip with JavaScript
    assert page.locator("input[name='cities-TOTAL_FORMS']").input_value() == "3"
    # The new row's city is a searchable list too, like the others.
    new_city = page.locator("select[name='cities-2-city']")
    expect(new_city).to_have_class("tomselected ts-hidden-accessible")
    page.locator("#id_cities-2-city-ts-control").fill("Tuni")
    expect(page.locator(".ts-dropdown .option", has_text="Tunis").first).to_be_visible()
