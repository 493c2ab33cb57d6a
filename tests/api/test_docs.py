"""The API documentation renders offline: its scripts and styles are served by the site."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_it_renders_the_docs_with_local_assets_only(client, path):
    response = client.get(path)
    html = response.content.decode()

    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert response.status_code == 200
    assert assets
    assert not [url for url in assets if re.match(r"(https?:)?//", url)]
    assert all(url.startswith("/static/") for url in assets)
    assert all(finders.find(url.removeprefix("/static/")) for url in assets)


def test_it_serves_the_schema_as_openapi_3(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/projects/{slug}/" in schema["paths"]
