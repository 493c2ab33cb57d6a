"""axe-core finds no serious or critical WCAG violation on any page type.

axe comes from the axe-playwright-python package and is injected into the page from disk, so
nothing is fetched from a CDN. A screenshot of each page type is kept for reviewers.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.page_types import PAGE_TYPES, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}


def _describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(node['target'])}  {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_it_has_no_serious_accessibility_violation(page, demo_site, page_type):
    if page_type.role:
        sign_in(page, demo_site.url, page_type.role)
    response = page.goto(demo_site.url + page_type.path())
    assert response.status == 200, f"{page_type.name} answered {response.status}"
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, f"page-{page_type.name}")

    results = Axe().run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {page_type.name} ({page.url}):\n{_describe(blocking)}"
