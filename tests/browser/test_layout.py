"""Every page type holds its layout on a phone and on a laptop, in English and in Arabic.

For each page type of tests/browser/page_types.py, at 390 and 1280 px wide, left to right and
right to left, the test fails when:
- the page is wider than the window (a visitor would have to scroll sideways);
- a form control or a table is wider than the column it sits in (a select spilling over the
  results next to it), unless it sits in a box that scrolls on its own;
- a column of text is squeezed under a readable width (titles breaking word by word).

`make screenshots` runs this test with SCREENSHOTS_DIR set: every page it checks is also written
there as <page>-<width>-<language>.png, so a reviewer can look at all of them in a minute.
"""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import new_watched_page
from tests.browser.page_types import PAGE_TYPES, in_language, set_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WIDTHS = (390, 1280)
LANGUAGES = ("en", "ar")
# Narrower than this, a line holds two or three words of a title: it reads word by word.
READABLE_WIDTH_PX = 150
# Text shorter than this fits in a narrow box (a date, a badge, a number).
LONG_TEXT_CHARS = 30

LAYOUT_PROBLEMS_JS = """
({readableWidth, longText}) => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > viewport + 1) {
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (el.classList.contains('skip-link')) continue;  // off screen until focused, by design
      if (box.width && (box.right > viewport + 1 || box.left < -1) && culprits.length < 3) {
        culprits.push(describe(el) + ` (${Math.round(box.left)}..${Math.round(box.right)})`);
      }
    }
    problems.push(`the page is ${pageWidth} px wide in a ${viewport} px window: ${culprits.join(', ')}`);
  }
  function describe(el) {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + id + cls;
  }
  function visibleText(el) {
    // Text a sighted reader sees: not what is there for screen readers only.
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('.visually-hidden, .visually-hidden-heading')) text += node.textContent;
    }
    return text.replace(/\\s+/g, ' ').trim();
  }
  function scrollsOnItsOwn(el) {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  }
  function visible(el) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
  }
  for (const el of document.querySelectorAll('main input, main select, main textarea, main button, main table')) {
    if (!visible(el) || el.type === 'hidden' || scrollsOnItsOwn(el)) continue;
    // A table for screen readers only (a chart's data) takes no room on the page.
    if (el.closest('.visually-hidden')) continue;
    let column = el.parentElement;
    // A checkbox inside its inline label: the column is the first block around them.
    while (column && getComputedStyle(column).display.startsWith('inline')) column = column.parentElement;
    const style = getComputedStyle(column);
    const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = el.getBoundingClientRect().width;
    if (width > inner + 1) {
      problems.push(`${describe(el)} is ${Math.round(width)} px wide in a ${Math.round(inner)} px column`);
    }
  }
  const textBlocks = 'main h1, main h2, main h3, main p, main li, main dd, main td, main th, main a, main label';
  for (const el of document.querySelectorAll(textBlocks)) {
    if (!visible(el) || el.closest('.visually-hidden, .visually-hidden-heading, .leaflet-container')) continue;
    const text = visibleText(el);
    const width = el.getBoundingClientRect().width;
    const wraps = el.getClientRects().length > 1 || el.getBoundingClientRect().height > 2.2 * parseFloat(getComputedStyle(el).lineHeight || 20);
    if (text.length >= longText && width < readableWidth && wraps) {
      problems.push(`"${text.slice(0, 40)}" (${describe(el)}) is squeezed into ${Math.round(width)} px`);
    }
  }
  return [...new Set(problems)];
}
"""


def layout_problems(page) -> list[str]:
    return page.evaluate(
        LAYOUT_PROBLEMS_JS, {"readableWidth": READABLE_WIDTH_PX, "longText": LONG_TEXT_CHARS}
    )


def _screenshot_path(name: str, width: int, language: str) -> Path | None:
    folder = os.environ.get("SCREENSHOTS_DIR")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder) / f"{name}-{width}-{language}.png"


def _visit_all(browser, base_url, page_types, *, language, width, role):
    """Each page type in one browser context (signed in once): problems, by page type."""
    context, page = new_watched_page(browser, viewport={"width": width, "height": 900})
    if role:
        sign_in(page, base_url, role)
    # After signing in, which applies the profile's language: the page is checked in this one.
    set_language(context, base_url, language)
    found = []
    for page_type in page_types:
        response = page.goto(base_url + in_language(page_type.path(), language))
        assert response.status == 200, f"{page_type.name} answered {response.status}"
        if page.locator(".map, .mini-map, .home-map").count():
            page.wait_for_load_state("networkidle")  # the map draws from fetched data
        expected_direction = "rtl" if language == "ar" else "ltr"
        assert page.locator("html").get_attribute("dir") == expected_direction, page_type.name
        found += [
            f"{page_type.name} at {width} px in {language}: {problem}"
            for problem in layout_problems(page)
        ]
        shot = _screenshot_path(page_type.name, width, language)
        if shot:
            page.screenshot(path=str(shot), full_page=True)
    context.close()
    assert not page.watch.problems(), page.watch.problems()
    return found


def test_every_page_type_holds_its_layout_at_every_width_in_both_directions(browser, demo_site):
    # One test rather than one per page type: the demo is loaded once, and each browser context
    # (a language, a width, a visitor) walks through every page.
    found = []
    roles = sorted({page_type.role or "" for page_type in PAGE_TYPES})
    for language in LANGUAGES:
        for width in WIDTHS:
            for role in roles:
                page_types = [p for p in PAGE_TYPES if (p.role or "") == role]
                found += _visit_all(
                    browser,
                    demo_site.url,
                    page_types,
                    language=language,
                    width=width,
                    role=role or None,
                )
    assert not found, "\n".join(found)
