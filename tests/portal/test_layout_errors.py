"""Errors get friendly pages; the 500 page renders even when the database is gone."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_it_shows_a_friendly_404_with_ways_onward(client, settings):
    settings.DEBUG = False
    response = client.get("/clusters/no-such-cluster/")
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert 'href="/clusters/"' in response.text
    assert 'role="search"' in response.text


def test_it_renders_the_500_page_without_a_request_or_the_database():
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert len(queries) == 0


def test_it_answers_a_crash_with_the_500_page(client, settings, monkeypatch):
    settings.DEBUG = False

    def explode(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("portal.views.selectors.home_latest_pilots", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
