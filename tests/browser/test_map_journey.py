"""The maps: the world's countries drawn from the vendored Natural Earth shapes (no tile server),
city dots in their cluster's colour with popups that link on, the cluster filter, the small maps
of city and pilot pages, Arabic at phone and desktop widths, and the tables without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.demo.data import DRR, LEBANON_PILOT, TRANSPORT
from tests.browser.conftest import new_watched_page, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# world-atlas countries-110m has 177 countries; the maps leave out Antarctica.
DRAWN_COUNTRIES = 176
TRIPOLI = "tripoli-lebanon"


def _members(cluster_slug):
    from clusters.models import ClusterMembership

    return set(
        ClusterMembership.objects.filter(cluster__slug=cluster_slug).values_list(
            "city__slug", flat=True
        )
    )


def _pilot_cities(cluster_slug):
    from projects.models import ProjectCity

    return set(
        ProjectCity.objects.filter(project__clusters__slug=cluster_slug).values_list(
            "city__slug", flat=True
        )
    )


def _colour(cluster_slug):
    from clusters.models import Cluster

    return Cluster.objects.get(slug=cluster_slug).colour


def _drawn_cities(page, selector="#portal-map"):
    """{slug: fill colour} of the city dots drawn in a map."""
    return page.locator(f"{selector} path.map-city").evaluate_all(
        "paths => Object.fromEntries(paths.map(p => [p.dataset.slug, p.getAttribute('fill')]))"
    )


def test_it_draws_the_tripoli_shenzhen_link(page, demo_site):
    page.goto(demo_site.url + "/map/")

    link_row = (
        page.locator("tr[data-pilot-slug]").filter(has_text="Tripoli").filter(has_text="Shenzhen")
    )
    expect(link_row.first).to_be_visible()
    expect(page.locator("#portal-map path.map-pilot-link").first).to_be_attached()
    expect(page.locator("#portal-map path.map-city").first).to_be_attached()
    # A label and its number, which reads right in every language ("Города: 36", not "36 города").
    expect(page.locator("#portal-map-status")).to_have_text(
        re.compile(r"^Cities: \d+ · Pilot links: \d+$")
    )
    screenshot(page, "map")


def test_it_draws_the_countries_of_the_world_without_tiles(page, demo_site):
    page.goto(demo_site.url + "/map/")

    countries = page.locator("#portal-map .leaflet-countries-pane path.map-country")
    expect(countries).to_have_count(DRAWN_COUNTRIES)
    # No tile layer by default: the land is drawn on the sea colour, from this server only.
    expect(page.locator("#portal-map .leaflet-tile")).to_have_count(0)
    land = countries.first.bounding_box()
    assert land and land["width"] > 0 and land["height"] > 0


LAND_HEIGHT_JS = """() => {
  const canvas = document.querySelector('#portal-map .map-canvas').getBoundingClientRect();
  let top = Infinity, bottom = -Infinity;
  for (const country of document.querySelectorAll('#portal-map path.map-country')) {
    const box = country.getBoundingClientRect();
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
  }
  return (Math.min(bottom, canvas.bottom) - Math.max(top, canvas.top)) / canvas.height;
}"""


def test_on_a_phone_the_world_fills_the_map_rather_than_floating_in_sea(browser, demo_site):
    # A box 320 px tall held a world 196 px tall at 390 px wide: a band of sea above and below.
    context, page = new_watched_page(browser, viewport={"width": 390, "height": 900})
    try:
        page.goto(demo_site.url + "/map/")
        expect(page.locator("#portal-map path.map-country")).to_have_count(DRAWN_COUNTRIES)
        expect(page.locator("#portal-map path.map-city").first).to_be_attached()
        page.wait_for_load_state("networkidle")

        assert page.evaluate(LAND_HEIGHT_JS) >= 0.7
    finally:
        context.close()


# How many city dots have another dot's centre inside them: hidden for a reader, hard to tap.
COVERED_DOTS_JS = """() => {
  const dots = [...document.querySelectorAll('#portal-map path.map-city')].map(dot => {
    const box = dot.getBoundingClientRect();
    return {x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2};
  });
  const covered = dots.filter((dot, i) => dots.some((other, j) =>
    i !== j && Math.hypot(dot.x - other.x, dot.y - other.y) < Math.min(dot.r, other.r)));
  return {dots: dots.length, covered: covered.length, width: dots[0].r * 2};
}"""


def test_on_a_phone_the_dots_of_the_whole_south_do_not_pile_up(browser, demo_site):
    # At full size, 19 of the demo's 36 dots lay under another at 390 px.
    context, page = new_watched_page(browser, viewport={"width": 390, "height": 900})
    try:
        page.goto(demo_site.url + "/map/")
        expect(page.locator("#portal-map path.map-city").first).to_be_attached()
        page.wait_for_load_state("networkidle")

        world = page.evaluate(COVERED_DOTS_JS)
        page.locator("#portal-map .leaflet-control-zoom-in").click()
        page.locator("#portal-map .leaflet-control-zoom-in").click()
        page.wait_for_timeout(600)  # Leaflet's zoom animation
        zoomed = page.evaluate(COVERED_DOTS_JS)
    finally:
        context.close()

    assert world["covered"] <= world["dots"] // 5
    # Zoomed in, where they have room, the dots are back to their full size.
    assert zoomed["width"] > world["width"]


def test_it_opens_a_popup_with_the_citys_country_clusters_and_pilots(page, demo_site):
    page.goto(demo_site.url + "/map/")

    page.locator(f"#portal-map path.map-city[data-slug='{TRIPOLI}']").click(force=True)

    popup = page.locator("#portal-map .leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup.get_by_role("link", name="Tripoli")).to_have_attribute(
        "href", f"{demo_site.url}/cities/{TRIPOLI}/"
    )
    expect(popup).to_contain_text("Lebanon")
    expect(popup.locator(f"a[href$='/clusters/{DRR}/']")).to_contain_text("Disaster Risk")
    expect(popup.locator(".map-swatch").first).to_be_visible()
    pilot_link = popup.locator(f"a[href$='/projects/{LEBANON_PILOT}/']")
    expect(pilot_link).to_contain_text("Disaster Risk Governance in Lebanon")
    expect(popup).to_contain_text("(Learning city)")
    screenshot(page, "map-popup")

    pilot_link.click()
    expect(page.locator("h1")).to_contain_text("Disaster Risk Governance in Lebanon")


def test_it_shows_a_citys_name_country_and_first_cluster_whole_in_its_popup_on_a_phone(
    browser, demo_site
):
    """The popup must fit inside the map: on a 390 px phone the map was 240 px tall, which left
    its popup 100 px, and the first cluster's Arabic name was cut by the popup's edge."""
    context, page = new_watched_page(browser)
    context.add_cookies([{"name": "django_language", "value": "ar", "url": demo_site.url}])
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto(demo_site.url + "/ar/map/")
        page.locator(f"#portal-map path.map-city[data-slug='{TRIPOLI}']").click(force=True)
        content = page.locator("#portal-map .leaflet-popup-content")
        expect(content).to_be_visible()
        first_cluster = content.locator(".map-popup-list a").first
        expect(first_cluster).to_be_visible()
        shown, cluster = content.bounding_box(), first_cluster.bounding_box()
        assert cluster["y"] + cluster["height"] <= shown["y"] + shown["height"], (
            f"the first cluster ends at {cluster['y'] + cluster['height']:.0f}px, below the "
            f"popup's visible part ({shown['y'] + shown['height']:.0f}px)"
        )
        screenshot(page, "map-popup-arabic-390")
    finally:
        context.close()
    assert not page.watch.problems(), page.watch.problems()


def test_it_draws_only_the_chosen_clusters_cities_in_its_colour(page, demo_site):
    page.goto(demo_site.url + f"/map/?cluster={DRR}")
    expect(page.locator("#portal-map path.map-city").first).to_be_attached()

    drawn = _drawn_cities(page)
    assert set(drawn) == _members(DRR)
    assert set(drawn.values()) == {_colour(DRR)}
    lines = page.locator("#portal-map path.map-pilot-link")
    assert lines.count() >= 1
    screenshot(page, "map-cluster")

    # The tables hold one cluster's rows: another cluster's page is asked for, tables and all
    # (narrowed in place, the tables would show none of the other cluster's rows).
    page.locator("#map-cluster").select_option(TRANSPORT)
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    expect(page.locator("#portal-map path.map-city")).to_have_count(len(_members(TRANSPORT)))

    drawn = _drawn_cities(page)
    assert set(drawn) == _members(TRANSPORT)
    assert set(drawn.values()) == {_colour(TRANSPORT)}
    expect(page.locator(f"tr[data-pilot-slug='{LEBANON_PILOT}']")).to_have_count(0)
    listed = page.locator("tr.map-city-row").evaluate_all(
        "rows => rows.map(r => r.dataset.citySlug)"
    )
    assert _members(TRANSPORT) <= set(listed)


def test_it_filters_by_cluster_without_reloading(page, demo_site):
    page.goto(demo_site.url + "/map/")
    expect(page.locator("#portal-map path.map-pilot-link").first).to_be_attached()
    all_links = page.locator("#portal-map path.map-pilot-link").count()

    with page.expect_response(lambda response: "/api/v1/map/?cluster=" in response.url):
        page.locator("#map-cluster").select_option(TRANSPORT)

    expect(page.locator("#portal-map path.map-pilot-link")).not_to_have_count(all_links)
    assert f"cluster={TRANSPORT}" in page.url
    hidden_row = page.locator(f"tr[data-pilot-slug='{LEBANON_PILOT}']")
    expect(hidden_row).to_be_hidden()


def test_it_reloads_the_page_for_a_cluster_when_its_tables_hold_only_their_first_rows(
    page, demo_site, monkeypatch
):
    monkeypatch.setattr("portal.search_views.MAP_TABLE_SIZE", 2)
    page.goto(demo_site.url + "/map/")
    expect(page.get_by_role("link", name="See all cities")).to_be_visible()

    # Choosing changes nothing by itself (a keyboard user moves through the options freely);
    # the form's button asks for the page again.
    page.locator("#map-cluster").select_option(DRR)
    page.wait_for_timeout(300)
    assert "cluster=" not in page.url
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()

    assert f"cluster={DRR}" in page.url
    expect(page.locator("#map-cluster")).to_have_value(DRR)
    members = page.get_by_role("link", name="See the cluster's member cities")
    expect(members).to_have_attribute("href", f"/cities/?cluster={DRR}")
    # The first rows of the cluster's own cities, not the first rows of all of them hidden.
    city_rows = page.locator("tr.map-city-row")
    expect(city_rows).to_have_count(2)
    for slug in city_rows.evaluate_all("rows => rows.map(row => row.dataset.citySlug)"):
        assert slug in _members(DRR) | _pilot_cities(DRR)


def test_it_opens_a_citys_popup_from_the_keyboard_and_lets_it_go_on(page, demo_site):
    page.goto(demo_site.url + "/map/")
    tripoli = page.locator(f"#portal-map path.map-city[data-slug='{TRIPOLI}']")
    expect(tripoli).to_have_attribute("role", "button")
    expect(tripoli).to_have_attribute("aria-label", "Tripoli, Lebanon")

    tripoli.focus()
    page.keyboard.press("Enter")
    popup = page.locator("#portal-map .leaflet-popup-content")
    expect(popup).to_contain_text("Disaster Risk Reduction")
    assert page.evaluate("document.activeElement.textContent") == "Tripoli"
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    assert page.evaluate("document.activeElement.dataset.slug") == TRIPOLI

    # Not a trap: Tab goes on past the dots, the zoom buttons and the legend to the tables.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#map-tables')"):
            break
    else:
        pytest.fail("Tab never left the map for the tables below it")


@pytest.mark.parametrize(
    ("path", "map_id", "city"),
    [
        ("/map/", "portal-map", TRIPOLI),
        (f"/cities/{TRIPOLI}/", "city-map", TRIPOLI),
        (f"/projects/{LEBANON_PILOT}/", "pilot-map", "shenzhen"),
    ],
)
def test_it_keeps_an_open_popup_free_of_serious_accessibility_problems(
    page, demo_site, path, map_id, city
):
    # The page types are checked as they load (test_accessibility); this is what a click adds.
    page.goto(demo_site.url + path)
    page.locator(f"#{map_id} path.map-city[data-slug='{city}']").click(force=True)
    expect(page.locator(f"#{map_id} .leaflet-popup-content a").first).to_be_visible()
    # Leaflet fades a popup in; half-transparent text would fail axe's contrast check.
    expect(page.locator(f"#{map_id} .leaflet-popup")).to_have_css("opacity", "1")

    violations = Axe().run(page).response["violations"]

    blocking = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not blocking, [(v["id"], [n["target"] for n in v["nodes"]]) for v in blocking]


def test_it_draws_a_small_map_on_a_city_page(page, demo_site):
    page.goto(demo_site.url + f"/cities/{TRIPOLI}/")

    small_map = page.locator("#city-map")
    expect(small_map).to_be_visible()
    expect(small_map).to_have_attribute("aria-labelledby", "location-heading")
    expect(small_map.locator("path.map-country")).to_have_count(DRAWN_COUNTRIES)
    assert set(_drawn_cities(page, "#city-map")) == {TRIPOLI}
    expect(page.locator(".mini-map-caption")).to_have_text("Latitude 34.437, longitude 35.850")

    small_map.locator("path.map-city").click(force=True)
    popup = small_map.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Lebanon")
    expect(popup.get_by_role("link", name="Tripoli")).to_have_attribute(
        "href", f"/cities/{TRIPOLI}/"
    )
    screenshot(page, "city-map")


def test_it_draws_the_pilots_cities_and_their_link_on_its_page(page, demo_site):
    page.goto(demo_site.url + f"/projects/{LEBANON_PILOT}/")

    small_map = page.locator("#pilot-map")
    expect(small_map).to_be_visible()
    expect(small_map).to_have_attribute("aria-labelledby", "cities-heading")
    expect(small_map.locator("path.map-country")).to_have_count(DRAWN_COUNTRIES)
    expect(small_map.locator("path.map-pilot-link")).to_have_count(1)
    assert set(_drawn_cities(page, "#pilot-map")) == {TRIPOLI, "shenzhen"}

    small_map.locator("path.map-city[data-slug='shenzhen']").click(force=True)
    popup = small_map.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Sharing city")
    # Shenzhen sits by the map's edge: Leaflet fades the popup in and pans the map to show it
    # whole. A click while the map still moves can press on the link and release elsewhere.
    expect(small_map.locator(".leaflet-popup")).to_have_css("opacity", "1")
    link = popup.get_by_role("link", name="Shenzhen")
    expect(link).to_have_attribute("href", "/cities/shenzhen/")
    link.click()
    expect(page).to_have_url(demo_site.url + "/cities/shenzhen/", timeout=15_000)
    expect(page.locator("h1")).to_have_text("Shenzhen")


@pytest.mark.parametrize("width", [390, 1280])
def test_it_fits_the_maps_in_arabic_at_phone_and_desktop_widths(browser, demo_site, width):
    context, page = new_watched_page(browser)
    context.add_cookies([{"name": "django_language", "value": "ar", "url": demo_site.url}])
    page.set_viewport_size({"width": width, "height": 900})
    try:
        for name, path, map_id in (
            ("map", f"/map/?cluster={DRR}", "portal-map"),
            ("city", f"/cities/{TRIPOLI}/", "city-map"),
            ("pilot", f"/projects/{LEBANON_PILOT}/", "pilot-map"),
        ):
            page.goto(demo_site.url + "/ar" + path)
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            countries = page.locator(f"#{map_id} path.map-country")
            expect(countries).to_have_count(DRAWN_COUNTRIES)
            expect(page.locator(f"#{map_id} path.map-city").first).to_be_attached()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
            canvas = page.locator(f"#{map_id} .map-canvas").bounding_box()
            assert canvas and canvas["x"] >= 0 and canvas["x"] + canvas["width"] <= width
            screenshot(page, f"{name}-arabic-{width}")
    finally:
        context.close()
    assert not page.watch.problems(), page.watch.problems()


def test_it_keeps_the_country_shapes_off_the_home_page(browser, demo_site):
    context, page = new_watched_page(browser)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(demo_site.url + "/", wait_until="networkidle")
    finally:
        context.close()
    assert not [url for url in requested if "countries-110m" in url or "leaflet" in url]


def test_it_lists_the_link_without_javascript(browser, demo_site):
    context, page = new_watched_page(browser, java_script_enabled=False)
    try:
        page.goto(demo_site.url + f"/map/?cluster={DRR}")
        row = page.locator(f"tr[data-pilot-slug='{LEBANON_PILOT}']").first
        expect(row).to_contain_text("Tripoli")
        expect(row).to_contain_text("Shenzhen")
        expect(page.locator("#portal-map")).to_be_hidden()
        screenshot(page, "map-without-javascript")
    finally:
        context.close()
    assert not page.watch.problems(), page.watch.problems()


def test_it_draws_a_light_sketch_when_leaflet_is_not_on_the_page(page, demo_site):
    page.route("**/vendor/leaflet/leaflet.js", lambda route: route.fulfill(body="", status=200))
    page.goto(demo_site.url + "/map/")

    sketch = page.locator("#portal-map svg.map-svg")
    expect(sketch).to_have_attribute("role", "img")
    expect(sketch.locator("polyline.map-pilot-link").first).to_be_attached()
    expect(sketch.locator("path.map-country")).to_have_count(DRAWN_COUNTRIES)
    tripoli_shenzhen = sketch.locator("polyline.map-pilot-link title").filter(
        has_text="Governance in Lebanon"
    )
    expect(tripoli_shenzhen).to_contain_text("Tripoli")
    expect(tripoli_shenzhen).to_contain_text("Shenzhen")
    screenshot(page, "map-sketch")
