"""A first visit to the home page transfers less than 200 KB (the low-bandwidth budget)."""

import pytest

from tests.browser.conftest import new_watched_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BUDGET_BYTES = 200 * 1024


def test_it_keeps_the_first_visit_to_the_home_page_under_200_kb(browser, demo_site):
    context, page = new_watched_page(browser)
    transfers: list[tuple[str, int]] = []

    def measure(request):
        sizes = request.sizes()
        transfers.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", measure)
    try:
        page.goto(demo_site.url + "/", wait_until="networkidle")
    finally:
        context.close()

    total = sum(size for _url, size in transfers)
    breakdown = "\n".join(
        f"{size:>8} {url}" for url, size in sorted(transfers, key=lambda t: -t[1])
    )
    assert transfers, "the home page loaded nothing"
    assert total < BUDGET_BYTES, f"home page transferred {total} bytes:\n{breakdown}"
    assert not page.watch.problems(), page.watch.problems()
