"""The Edit link shows for those who may edit the page, and costs no query per item."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventFactory, ProjectFactory, ResourceFactory, TrainingSeriesFactory

from .conftest import ROLES

EDITORS = {"editor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_edit_links_on_content_pages_to_editors_only(client_for, cluster, role):
    pages = {
        ProjectFactory().get_absolute_url(): "/edit/",
        EventFactory().get_absolute_url(): "/edit/",
        TrainingSeriesFactory().get_absolute_url(): "/edit/",
        ResourceFactory().get_absolute_url(): "/edit/",
        cluster.get_absolute_url(): "/edit/",
    }
    client = client_for(role)

    for url in pages:
        page = client.get(url).content.decode()
        assert (f'href="{url}edit/"' in page) == (role in EDITORS), url


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_the_city_edit_link_to_its_officials_and_editors(client_for, tripoli, role):
    page = client_for(role).get(tripoli.get_absolute_url()).content.decode()

    expected = role in EDITORS | {"official_here"}
    assert (reverse("cities:edit", kwargs={"slug": "tripoli"}) in page) == expected


def test_it_costs_no_query_per_item(cast):
    projects = [ProjectFactory() for _ in range(5)]
    request = RequestFactory().get("/")
    request.user = cast["editor"]
    template = Template(
        "{% load editor_tags %}{% for p in projects %}{% edit_link p %}{% endfor %}"
    )
    template.render(Context({"request": request, "projects": projects[:1]}))

    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request, "projects": projects}))

    assert html.count("/edit/") == 5
    assert len(queries) == 0
