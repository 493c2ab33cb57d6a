"""Search engines find every cluster, city and partner through robots.txt and sitemap.xml."""

import pytest

from tests.factories import CityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_it_points_robots_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_it_lists_clusters_cities_partners_and_the_main_pages_in_the_sitemap(client):
    CityFactory(slug="tripoli")
    OrganizationFactory(slug="undp")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/clusters/disaster-risk-reduction/</loc>" in body
    assert "<loc>http://testserver/cities/tripoli/</loc>" in body
    assert "<loc>http://testserver/partners/undp/</loc>" in body
    assert "<loc>http://testserver/cities/</loc>" in body
    assert "<loc>http://testserver/</loc>" in body
