"""The cluster filter of /map/ works without JavaScript: the form reloads the page with
?cluster=, which narrows the tables and the GeoJSON the map fetches."""

import pytest
from django.urls import reverse

from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _pilot(title, cluster, *cities):
    pilot = ProjectFactory(title=title)
    pilot.clusters.add(cluster)
    for city in cities:
        ClusterMembershipFactory(city=city, cluster=cluster)
        ProjectCityFactory(project=pilot, city=city)
    return pilot


def test_it_narrows_cities_and_links_to_one_cluster(client):
    water = ClusterFactory(name="Water test cluster", slug="water-test")
    transport = ClusterFactory(name="Transport test cluster", slug="transport-test")
    _pilot(
        "Water pilot",
        water,
        CityFactory(name="Lusaka", slug="lusaka"),
        CityFactory(name="Harare", slug="harare"),
    )
    _pilot(
        "Bus pilot",
        transport,
        CityFactory(name="Bogota", slug="bogota"),
        CityFactory(name="Lima", slug="lima"),
    )

    response = client.get(reverse("portal:map"), {"cluster": "water-test"})

    html = response.content.decode()
    assert response.context["selected_cluster"] == water
    assert ">Lusaka<" in html and ">Harare<" in html and "Water pilot" in html
    assert ">Bogota<" not in html and "Bus pilot" not in html
    assert 'data-geojson-url="/api/v1/map/?cluster=water-test&amp;lang=en"' in html
    assert '<option value="water-test" selected>' in html


def test_it_shows_everything_for_an_unknown_cluster(client):
    CityFactory(name="Lusaka", slug="lusaka")

    response = client.get(reverse("portal:map"), {"cluster": "no-such-cluster"})

    assert response.status_code == 200
    assert response.context["selected_cluster"] is None
    assert ">Lusaka<" in response.content.decode()
    assert 'data-geojson-url="/api/v1/map/?lang=en"' in response.content.decode()
