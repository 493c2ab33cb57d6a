"""One search box finds clusters, cities, pilots, events, resources and partners, grouped by
type with a count for each group; a group with many results links to all of them."""

import pytest
from django.urls import reverse

from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db


def _groups(response):
    return {group.key: group for group in response.context["outcome"].visible_groups}


def test_it_groups_matches_of_every_type_with_counts(client):
    CityFactory(name="Tripoli", slug="tripoli")
    ClusterFactory(name="Tripoli coastal resilience", slug="tripoli-coast")
    ProjectFactory(title="Tripoli flood governance pilot")
    ProjectFactory(title="Tripoli early warning pilot")
    EventFactory(title="Tripoli workshop")
    ResourceFactory(title="What Tripoli learned")
    OrganizationFactory(name="Tripoli Municipal Council", slug="tripoli-council")
    ProjectFactory(title="Unrelated pilot in Quito")

    response = client.get(reverse("portal:search"), {"q": "Tripoli"})

    assert response.status_code == 200
    groups = _groups(response)
    assert {key: group.count for key, group in groups.items()} == {
        "cluster": 1,
        "city": 1,
        "project": 2,
        "event": 1,
        "resource": 1,
        "partner": 1,
    }
    assert response.context["outcome"].total == 7
    html = response.content.decode()
    assert "Tripoli flood governance pilot" in html
    assert "Tripoli Municipal Council" in html
    assert "Unrelated pilot in Quito" not in html
    assert "7 results for" in html


def test_it_previews_a_large_group_and_links_to_all_of_it(client):
    for number in range(8):
        ProjectFactory(title=f"Mangrove pilot number {number}")

    preview = client.get(reverse("portal:search"), {"q": "mangrove"})

    group = _groups(preview)["project"]
    assert group.count == 8
    assert len(group.results) == 5
    assert group.more_href in preview.content.decode().replace("&amp;", "&")

    everything = client.get(reverse("portal:search") + group.more_href)

    only_group = _groups(everything)
    assert list(only_group) == ["project"]
    assert len(only_group["project"].results) == 8


def test_it_pages_through_one_type(client):
    for number in range(25):
        EventFactory(title=f"Heatwave webinar {number}")

    first = client.get(reverse("portal:search"), {"q": "heatwave", "type": "event"})
    second = client.get(reverse("portal:search"), {"q": "heatwave", "type": "event", "page": 2})

    assert len(_groups(first)["event"].results) == 20
    assert len(_groups(second)["event"].results) == 5
    assert 'rel="next"' in first.content.decode()
