"""`/api/v1/` describes the API and lists every endpoint, computed from the URLconf."""

import re

import pytest
from django.urls import URLPattern, URLResolver, reverse
from rest_framework import mixins, viewsets
from rest_framework.routers import DefaultRouter

from portal import api_urls
from portal.api_root import endpoints_from

pytestmark = pytest.mark.django_db


def _first_segment(pattern) -> str:
    """'clusters' from '^clusters/(?P<slug>[^/]+)/$' or 'me/token/'; '' for the root."""
    text = str(pattern.pattern).lstrip("^")
    match = re.match(r"[A-Za-z0-9_-]+", text)
    return match.group() if match else ""


def _routes_under_api_v1() -> set[str]:
    """Every top-level name the API's URLconf answers to, whoever registered it."""
    names = set()
    for pattern in api_urls.urlpatterns:
        assert isinstance(pattern, URLPattern | URLResolver)
        names.add(_first_segment(pattern))
    names.discard("")
    return names


def _get_json(api):
    response = api.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_every_registered_route_is_listed(api):
    listed = {endpoint["name"].split("/")[0] for endpoint in _get_json(api)["endpoints"]}

    assert _routes_under_api_v1() == listed
    assert {"map", "me"} <= listed


def test_every_endpoint_link_answers(api):
    for endpoint in _get_json(api)["endpoints"]:
        path = endpoint["url"].removeprefix("http://testserver")
        status = api.get(path, HTTP_ACCEPT="application/json").status_code
        # Personal endpoints ask an anonymous client to sign in; me/token only takes POST/DELETE.
        assert status in {200, 401, 405}, (path, status)
        assert endpoint["description"], endpoint["name"]
        assert endpoint["methods"]


def test_a_new_endpoint_is_listed_without_anyone_describing_it():
    class GadgetViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
        """Gadgets of the portal."""

    router = DefaultRouter()
    router.register("gadgets", GadgetViewSet, basename="gadget")

    (endpoint,) = endpoints_from(router, [], {})

    assert endpoint.name == "gadgets"
    assert endpoint.url_name == "gadget-list"
    assert endpoint.methods() == ["GET"]
    assert endpoint.description == "Gadgets of the portal."


def test_the_json_describes_the_api(api):
    data = _get_json(api)

    assert data["documentation"] == {
        "schema": "http://testserver" + reverse("api-schema"),
        "swagger_ui": "http://testserver" + reverse("api-docs"),
        "redoc": "http://testserver" + reverse("api-redoc"),
        "tokens": "http://testserver" + reverse("api-tokens"),
    }
    assert "Authorization: Token" in data["authentication"]
    assert data["languages"]["available"] == ["en", "fr", "es", "ar", "zh-hans", "ru"]
    assert "page_size" in data["pagination"]
    assert set(data["rate_limits"]) == {"anonymous", "signed_in", "writes", "note"}
    by_name = {endpoint["name"]: endpoint for endpoint in data["endpoints"]}
    assert by_name["clusters"]["item_url"] == "http://testserver/api/v1/clusters/{slug}/"
    assert by_name["registrations"]["item_url"] == "http://testserver/api/v1/registrations/{id}/"
    assert by_name["cities"]["methods"] == ["GET", "PATCH"]
    assert by_name["me/token"]["methods"] == ["POST", "DELETE"]
    assert {
        "url": "http://testserver/api/v1/notifications/{id}/read/",
        "path": "/api/v1/notifications/{id}/read/",
        "methods": ["POST"],
    } in by_name["notifications"]["actions"]


def test_a_client_that_asks_for_nothing_gets_json(api):
    response = api.get("/api/v1/", HTTP_ACCEPT="*/*")

    assert response["Content-Type"].startswith("application/json")


def test_a_browser_gets_a_page_of_the_site(client):
    response = client.get(
        "/api/v1/", HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "default basic root view" not in html and "Django REST framework" not in html
    assert "<h1>South-South Cities Clusters API</h1>" in html
    for name in ("api-docs", "api-redoc", "api-schema"):
        assert f'href="http://testserver{reverse(name)}"' in html
    for route in _routes_under_api_v1():
        assert f"<code>/api/v1/{route}/</code>" in html
    assert "Rate limits" in html and "Pagination" in html and "Authentication" in html


def test_the_page_speaks_the_reader_s_language(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="ar")

    assert 'dir="rtl"' in response.content.decode()


def test_the_root_is_not_an_operation_of_the_schema(api):
    schema = api.get("/api/schema/?format=json").json()

    assert "/api/v1/" not in schema["paths"]


def test_the_footer_s_open_data_link_leads_here(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]

    assert '<a href="/api/v1/">Open data API</a>' in footer


def test_item_addresses_keep_their_placeholders(api):
    by_name = {endpoint["name"]: endpoint for endpoint in _get_json(api)["endpoints"]}

    assert by_name["events"]["item_path"] == "/api/v1/events/{slug}/"
    assert by_name["me"]["item_path"] is None
    assert {"path": "/api/v1/notifications/read-all/", "methods": ["POST"]}.items() <= (
        by_name["notifications"]["actions"][1].items()
    )


def test_the_root_reads_nothing_from_the_database(api, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert api.get("/api/v1/", HTTP_ACCEPT="application/json").status_code == 200
