"""A tag is written in whatever language its author used: on a right-to-left page an English tag
keeps its # in front ("#open data", not "open data#")."""

import pytest

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_tag_links_take_the_direction_of_their_own_text(client):
    resource = ResourceFactory(title="Open data starter kit")
    resource.tags.add("open data")

    address = resource.get_absolute_url()  # in English, before a request switches language

    listing = client.get("/ar/resources/").content.decode()
    page = client.get(f"/ar{address}").content.decode()

    assert '?tag=open-data" dir="auto">#open data</a>' in listing
    assert '?tag=open-data" dir="auto">#open data</a>' in page
