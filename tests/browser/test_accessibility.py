"""axe-core finds no serious or critical WCAG violation on any page type.

axe comes from the axe-playwright-python package and is injected into the page from disk, so
nothing is fetched from a CDN. A screenshot of each page type is kept for reviewers.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.demo.data import (
    DRR,
    LEBANON_PILOT,
    NDRCC_VISIT_NEWS,
    REAL_TRAINING_SERIES,
    SEPTEMBER_2023_EVENT,
)
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}


def _first_resource_path():
    from resources.models import Resource, ResourceKind

    resource = Resource.objects.published().exclude(kind=ResourceKind.NEWS).first()
    return resource.get_absolute_url()


def _tripoli_path():
    from cities.models import City

    return City.objects.get(name="Tripoli").get_absolute_url()


def _partner_path():
    from accounts.models import Organization

    return f"/partners/{Organization.objects.get(slug='undp').slug}/"


PAGE_TYPES = {
    "home": lambda: "/",
    "cluster-list": lambda: "/clusters/",
    "cluster": lambda: f"/clusters/{DRR}/",
    "city-list": lambda: "/cities/",
    "city": _tripoli_path,
    "pilot-list": lambda: "/projects/",
    "pilot": lambda: f"/projects/{LEBANON_PILOT}/",
    "event-list": lambda: "/events/",
    "event": lambda: f"/events/{SEPTEMBER_2023_EVENT}/",
    "series": lambda: f"/events/series/{REAL_TRAINING_SERIES[-1]}/",
    "library": lambda: "/resources/",
    "resource": _first_resource_path,
    "news": lambda: "/news/",
    "news-item": lambda: f"/resources/{NDRCC_VISIT_NEWS}/",
    "partner-list": lambda: "/partners/",
    "partner": _partner_path,
    "search": lambda: "/search/?q=Tripoli",
    "search-empty": lambda: "/search/",
    "map": lambda: "/map/",
}


def _describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(node['target'])}  {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_it_has_no_serious_accessibility_violation(page, demo_site, page_type):
    response = page.goto(demo_site.url + PAGE_TYPES[page_type]())
    assert response.status == 200, f"{page_type} answered {response.status}"
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, f"page-{page_type}")

    results = Axe().run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {page_type} ({page.url}):\n{_describe(blocking)}"
