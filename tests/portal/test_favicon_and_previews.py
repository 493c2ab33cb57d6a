"""The favicon answers where browsers look for it, and every page has a link preview image."""

import re

import pytest
from django.conf import settings
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_ico_answers_with_an_icon(client):
    response = client.get("/favicon.ico")

    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert "max-age=" in response["Cache-Control"]


def test_pages_link_the_svg_favicon_and_the_ico(client):
    html = client.get("/").content.decode()

    svg = re.search(r'<link rel="icon" href="([^"]+\.svg)" type="image/svg\+xml">', html)
    assert svg and '<link rel="icon" href="/favicon.ico"' in html
    assert (settings.BASE_DIR / "static" / "favicon.svg").read_text().startswith("<svg")


@pytest.mark.parametrize("path", ["/", "/pages/about/", "/clusters/", "/api/v1/"])
def test_every_page_has_an_absolute_open_graph_image(client, path):
    html = client.get(path, HTTP_ACCEPT="text/html").content.decode()

    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert image and image.group(1).startswith("http://testserver/static/")
    assert image.group(1).endswith("og-image.png")
    assert '<meta property="og:title"' in html and '<meta property="og:description"' in html


def test_the_open_graph_image_is_the_size_previews_expect():
    with Image.open(settings.BASE_DIR / "static" / "img" / "og-image.png") as image:
        assert image.size == (1200, 630)
