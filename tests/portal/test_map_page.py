"""/map/ shows every city and every city-to-city pilot link: drawn by map.js from the GeoJSON
endpoint, and always listed in tables that work without JavaScript."""

import re

import pytest
from django.urls import reverse

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
