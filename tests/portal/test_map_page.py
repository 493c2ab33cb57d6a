"""/map/ shows every city and every city-to-city pilot link: drawn by map.js from the GeoJSON
endpoint, and always listed in tables that work without JavaScript."""

import re

import pytest
from django.urls import reverse

from cities.models import City
from clusters.models import MembershipRole
from core.models import PublicationStatus
from projects.models import ProjectCityRole
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tripoli_shenzhen():
    cluster = ClusterFactory(
        name="Resilience test cluster", slug="resilience-test", colour="#c0392b"
    )
    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    shenzhen = CityFactory(
        name="Shenzhen", slug="shenzhen", country="CN", latitude="22.54310", longitude="114.05790"
    )
    ClusterMembershipFactory(city=tripoli, cluster=cluster)
    ClusterMembershipFactory(city=shenzhen, cluster=cluster)
    pilot = ProjectFactory(title="Disaster risk governance in Lebanon")
    pilot.clusters.add(cluster)
    ProjectCityFactory(project=pilot, city=tripoli, role=ProjectCityRole.LEARNING)
    ProjectCityFactory(project=pilot, city=shenzhen, role=ProjectCityRole.SHARING)
    return pilot


def test_it_lists_every_city_and_pilot_link_without_javascript(client, tripoli_shenzhen):
    CityFactory(name="Quito", slug="quito", country="EC")

    response = client.get(reverse("portal:map"))

    html = response.content.decode()
    assert response.status_code == 200
    link_rows = re.findall(r'<tr data-pilot-slug="[^"]+".*?</tr>', html, flags=re.S)
    assert len(link_rows) == 1
    assert "Disaster risk governance in Lebanon" in link_rows[0]
    assert "Tripoli" in link_rows[0] and "Learning city" in link_rows[0]
    assert "Shenzhen" in link_rows[0] and "Sharing city" in link_rows[0]
    for city in ("Tripoli", "Shenzhen", "Quito"):
        assert f">{city}<" in html
    assert "Resilience test cluster" in html


def test_its_city_rows_name_the_country_mark_a_lead_city_and_dash_a_city_in_no_cluster(
    client, tripoli_shenzhen
):
    second = ClusterFactory(name="Second test cluster", slug="second-test")
    ClusterMembershipFactory(
        city=City.objects.get(slug="tripoli"), cluster=second, role=MembershipRole.LEAD
    )
    CityFactory(name="Quito", slug="quito", country="EC")

    html = client.get("/ar/map/").content.decode()

    rows = dict(re.findall(r'<tr data-city-slug="([^"]+)".*?>(.*?)</tr>', html, re.S))
    # Each cell labelled for the stacked table on a phone, in the page's language.
    assert '<td data-label="البلد">لبنان</td>' in rows["tripoli"]
    assert "الإكوادور" in rows["quito"]
    clusters_cell = re.search(r'<td data-label="المجموعات">(.*?)</td>', rows["tripoli"]).group(1)
    # English names in an Arabic page, marked as such, apart by the Arabic semicolon; the one
    # Tripoli leads marked so.
    assert clusters_cell.count('lang="en"') == 2 and "؛ " in clusters_cell
    assert "Second test cluster</span> (المدينة الرائدة)" in clusters_cell
    assert "Resilience test cluster</span> (" not in clusters_cell
    assert '<td data-label="المجموعات">—</td>' in rows["quito"]


def test_its_rows_escape_names_and_titles(client):
    pilot = ProjectFactory(title="Floods <script>alert(1)</script>")
    for name in ("<b>Bold</b> city", "Plain city"):
        ProjectCityFactory(project=pilot, city=CityFactory(name=name))

    html = client.get(reverse("portal:map")).content.decode()

    assert "<script>alert" not in html and "<b>Bold" not in html
    assert "Floods &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; city" in html


def test_a_cluster_without_cities_or_pilots_says_so_in_each_table(client):
    ClusterFactory(name="Empty test cluster", slug="empty-test")
    CityFactory(name="Quito", slug="quito", country="EC")

    html = client.get(reverse("portal:map"), {"cluster": "empty-test"}).content.decode()

    assert "No pilot links two cities in this cluster yet." in html
    assert "No city belongs to this cluster yet." in html
    assert "map-city-row" not in html and "map-link-row" not in html


def test_it_leaves_out_draft_pilots(client, tripoli_shenzhen):
    draft = ProjectFactory(
        title="Secret draft pilot", status=PublicationStatus.DRAFT, published_at=None
    )
    ProjectCityFactory(project=draft, city=CityFactory(name="Accra", slug="accra"))
    ProjectCityFactory(project=draft, city=CityFactory(name="Dakar", slug="dakar"))

    html = client.get(reverse("portal:map")).content.decode()

    assert "Secret draft pilot" not in html


def test_it_loads_leaflet_and_the_map_script_from_the_site_with_no_inline_script(client):
    html = client.get(reverse("portal:map")).content.decode()

    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the map page loads its scripts"
    assert all('src="/static/' in tag for tag in scripts), scripts
    assert 'src="/static/vendor/leaflet/leaflet.js"' in html
    assert 'src="/static/js/map.js"' in html
    assert 'href="/static/vendor/leaflet/leaflet.css"' in html
    assert 'data-geojson-url="/api/v1/map/?lang=en"' in html


def test_it_serves_leaflet_from_the_static_files(client):
    from django.contrib.staticfiles import finders

    leaflet = finders.find("vendor/leaflet/leaflet.js")

    assert leaflet is not None
    with open(leaflet, encoding="utf-8") as handle:
        assert "Leaflet 1.9.4" in handle.read(400)
    assert finders.find("vendor/leaflet/images/marker-icon.png") is not None


def test_it_draws_on_a_plain_background_unless_tiles_are_configured(client, settings):
    settings.MAP_TILE_URL = ""
    plain = client.get(reverse("portal:map")).content.decode()
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example contributors"
    tiled = client.get(reverse("portal:map")).content.decode()

    assert 'data-tile-url=""' in plain
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in tiled
    assert 'data-tile-attribution="© Example contributors"' in tiled


def test_it_points_the_map_at_geojson_with_the_pilot_line(client, tripoli_shenzhen):
    html = client.get(reverse("portal:map")).content.decode()
    geojson_url = re.search(r'data-geojson-url="([^"]+)"', html).group(1)

    collection = client.get(geojson_url).json()

    assert collection["type"] == "FeatureCollection"
    lines = [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]
    points = {
        f["properties"]["slug"]: f
        for f in collection["features"]
        if f["geometry"]["type"] == "Point"
    }
    assert [line["properties"]["slug"] for line in lines] == [tripoli_shenzhen.slug]
    assert points["tripoli"]["properties"]["clusters"][0]["colour"] == "#c0392b"
    assert sorted(map(tuple, lines[0]["geometry"]["coordinates"])) == sorted(
        tuple(points[slug]["geometry"]["coordinates"]) for slug in ("tripoli", "shenzhen")
    )


def test_the_arabic_tables_name_translated_content_in_arabic_and_mark_the_rest_english(
    client, tripoli_shenzhen
):
    tripoli = tripoli_shenzhen.city_links.get(city__slug="tripoli").city
    tripoli.name_ar = "طرابلس"
    tripoli.save()

    page = client.get("/ar/map/").content.decode()
    tables = page[page.index('id="map-tables"') :]

    # Translated: in Arabic, as it is. Not yet translated: the English original, marked so that a
    # right-to-left page lays it out left to right.
    assert ">طرابلس</a>" in tables
    assert '<span lang="en" dir="ltr">Disaster risk governance in Lebanon</span>' in tables
    assert '<span lang="en" dir="ltr">Shenzhen</span>' in tables
    assert '<span lang="en" dir="ltr">Resilience test cluster</span>' in tables
