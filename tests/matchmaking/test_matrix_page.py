"""/matchmaking/ is for UN staff: the needs-by-offers matrix and the topics nobody offers."""

import pytest

from cities.models import CityNeed, Region
from clusters.models import Topic
from tests.factories import (
    CityFactory,
    PartnerFactory,
    StaffUserFactory,
    UserFactory,
)

ROLES = {
    "anonymous": 302,
    "plain": 403,
    "city_official": 403,
    "partner": 403,
    "other_partner": 403,
    "staff": 200,
}


def _user(role, world):
    return {
        "anonymous": lambda: None,
        "plain": UserFactory,
        "city_official": lambda: world.official,
        "partner": PartnerFactory,
        "other_partner": PartnerFactory,
        "staff": StaffUserFactory,
    }[role]()


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("query", ["", "?cluster=disaster-risk-reduction&region=arab_states"])
def test_only_staff_open_the_matchmaking_page(client, world, role, query):
    user = _user(role, world)
    if user is not None:
        client.force_login(user)

    response = client.get(f"/matchmaking/{query}")

    assert response.status_code == ROLES[role]
    if ROLES[role] == 302:
        assert response["Location"].startswith("/accounts/login/")
    if ROLES[role] == 200:
        assert "Needs and offers by topic and region" in response.content.decode()
    else:
        assert "Needs and offers by topic and region" not in response.content.decode()


def test_it_counts_needs_and_offers_per_topic_and_region(admin_client, world):
    page = admin_client.get("/matchmaking/?cluster=disaster-risk-reduction").content.decode()

    row = page[page.index('<th scope="row">Early warning systems</th>') :]
    row = row[: row.index("</tr>")]
    # Arab States (Tripoli needs it) comes before Asia and the Pacific (Shenzhen offers it).
    assert row.index("1 / 0") < row.index("0 / 1")
    assert "COVID-19" not in page.split("<table", 1)[1]


def test_it_lists_topics_many_cities_need_and_nobody_offers(admin_client, world):
    recovery = Topic.objects.get(slug="recovery-planning")
    for _index in range(2):
        CityNeed.objects.create(city=CityFactory(region=Region.AFRICA), topic=recovery)

    page = admin_client.get("/matchmaking/").content.decode()

    unmet = page[page.index('id="unmet-heading"') : page.index('id="matrix-heading"')]
    assert "Recovery planning" in unmet and "2 cities need it" in unmet
    # Offered by Shenzhen, and only one city needs it anyway.
    assert "Early warning systems" not in unmet


def test_a_bad_filter_is_explained_not_a_crash(admin_client, world):
    response = admin_client.get("/matchmaking/?region=atlantis")

    assert response.status_code == 400
    assert "Some filters could not be used" in response.content.decode()
