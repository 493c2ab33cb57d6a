"""A large cluster's page shows the first few members and pilots and links to the full lists."""

import pytest

from tests.factories import CityFactory, ClusterFactory, ClusterMembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_it_shows_twelve_member_cities_and_links_to_all_of_them(client):
    cluster = ClusterFactory(slug="water")
    for number in range(15):
        ClusterMembershipFactory(cluster=cluster, city=CityFactory(name=f"Member town {number:02}"))
    page = client.get(f"/clusters/{cluster.slug}/").content.decode()
    assert page.count("Member town") == 12
    assert "/cities/?cluster=water" in page


def test_it_shows_twelve_pilots_and_links_to_all_of_them(client):
    cluster = ClusterFactory(slug="water")
    for number in range(14):
        ProjectFactory(title=f"Pilot scheme {number:02}", kind="pilot").clusters.add(cluster)
    page = client.get(f"/clusters/{cluster.slug}/").content.decode()
    assert page.count("Pilot scheme") == 12
    assert "/projects/?cluster=water&amp;kind=pilot" in page


def test_it_offers_no_link_when_everything_fits(client):
    cluster = ClusterFactory(slug="water")
    ClusterMembershipFactory(cluster=cluster)
    page = client.get(f"/clusters/{cluster.slug}/").content.decode()
    assert "/cities/?cluster=water" not in page


def test_its_member_cities_sort_by_the_name_they_show_in_the_pages_language(client):
    """In Arabic a member with no Arabic name yet sorts by its own name among the others, not
    first because its Arabic column is empty; lead cities still come first."""
    import re

    cluster = ClusterFactory(slug="water")
    tripoli = CityFactory(name="Tripoli")
    tripoli.name_ar = "طرابلس"
    tripoli.save()
    for city in (tripoli, CityFactory(name="Zanzibar"), CityFactory(name="Accra")):
        ClusterMembershipFactory(cluster=cluster, city=city, role="member")
    ClusterMembershipFactory(cluster=cluster, city=CityFactory(name="Yangon"), role="lead")

    def members(path):
        chips = client.get(path).content.decode().split('class="city-chips"', 1)[1]
        chips = chips.split("</ul>", 1)[0]
        # A name not translated yet shows inside its own language's span.
        return re.findall(r'<a href="/(?:ar/)?cities/[^"]+/">(?:<span[^>]*>)?([^<]+)<', chips)

    assert members("/ar/clusters/water/") == ["Yangon", "Accra", "Zanzibar", "طرابلس"]
    assert members("/clusters/water/") == ["Yangon", "Accra", "Tripoli", "Zanzibar"]
