"""The statistics page's totals read as one row of figures: a label that wraps to two lines
("Training participants") does not push its figure below its neighbours'."""

import pytest

from tests.browser.conftest import new_watched_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

FIGURE_TOPS_JS = """
() => [...document.querySelectorAll('.statistics-totals > div')].map((total) => ({
  label: total.querySelector('dt').getBoundingClientRect(),
  figure: total.querySelector('dd').getBoundingClientRect(),
})).map(({label, figure}) => ({
  labelTop: Math.round(label.top), labelLines: Math.round(label.height),
  figureTop: Math.round(figure.top),
}))
"""


@pytest.mark.parametrize("language", ["", "/ar"])
def test_figures_on_one_row_line_up_when_a_label_wraps(browser, demo_site, language):
    context, page = new_watched_page(browser, viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{demo_site.url}{language}/statistics/")
        totals = page.evaluate(FIGURE_TOPS_JS)
    finally:
        context.close()

    first_row = [total for total in totals if total["labelTop"] == totals[0]["labelTop"]]
    assert len(first_row) >= 4
    # At least one label of the row wraps, or the test would show nothing.
    assert max(t["labelLines"] for t in first_row) > min(t["labelLines"] for t in first_row)
    assert len({total["figureTop"] for total in first_row}) == 1, first_row
