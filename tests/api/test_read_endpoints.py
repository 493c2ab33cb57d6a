"""Every public resource lists and shows by slug without signing in; drafts stay with UN staff."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from tests.api.conftest import error_of, staff
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventCoHostFactory,
    EventFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHABLE = {
    "projects": ProjectFactory,
    "events": EventFactory,
    "training-series": TrainingSeriesFactory,
    "resources": ResourceFactory,
}


@pytest.mark.parametrize(
    ("endpoint", "factory"),
    [*PUBLISHABLE.items(), ("cities", CityFactory), ("organizations", OrganizationFactory)],
)
def test_it_lists_and_shows_public_rows_to_anonymous_visitors(api, endpoint, factory):
    row = factory(slug="the-one")

    listing = api.get(f"/api/v1/{endpoint}/")
    detail = api.get(f"/api/v1/{endpoint}/the-one/")

    assert listing.status_code == 200
    assert [item["slug"] for item in listing.json()["results"]] == ["the-one"]
    assert detail.status_code == 200
    assert detail.json()["slug"] == row.slug


def test_it_lists_the_seven_clusters_with_member_cities_and_roles(api):
    membership = ClusterMembershipFactory(
        cluster__slug="smart-test", city=CityFactory(slug="shenzhen"), role="lead"
    )

    listing = api.get("/api/v1/clusters/?page_size=100")
    detail = api.get(f"/api/v1/clusters/{membership.cluster.slug}/")

    assert listing.json()["count"] == 8  # seven from the migration plus this one
    assert detail.json()["member_cities"] == [
        {"slug": "shenzhen", "name": membership.city.name, "country": "LB", "role": "lead"}
    ]
    assert detail.json()["member_city_count"] == 1


def test_it_shows_a_city_with_its_clusters_and_roles(api):
    membership = ClusterMembershipFactory(city=CityFactory(slug="tripoli"), role="member")

    body = api.get("/api/v1/cities/tripoli/").json()

    assert body["clusters"] == [
        {
            "slug": membership.cluster.slug,
            "name": membership.cluster.name,
            "colour": membership.cluster.colour,
            "role": "member",
            "since": None,
        }
    ]
    assert body["latitude"] == 34.4367


def test_it_shows_an_event_with_cohosts_series_and_seats(api):
    series = TrainingSeriesFactory(slug="online-series")
    event = EventFactory(slug="session-1", series=series, capacity=10)
    who = OrganizationFactory(slug="who", name="World Health Organization", acronym="WHO")
    EventCoHostFactory(event=event, organization=who, role="co_host")

    body = api.get("/api/v1/events/session-1/").json()

    assert body["series"] == "online-series"
    assert body["cohosts"] == [
        {"slug": "who", "name": "World Health Organization", "acronym": "WHO", "role": "co_host"}
    ]
    assert body["seats_taken"] == 0
    assert body["capacity"] == 10


@pytest.mark.parametrize(("endpoint", "factory"), PUBLISHABLE.items())
def test_it_hides_drafts_and_future_publications_from_the_public_but_not_from_staff(
    api, endpoint, factory
):
    factory(slug="draft", status=PublicationStatus.DRAFT, published_at=None)
    factory(slug="scheduled", published_at=timezone.now() + dt.timedelta(days=3))

    public = api.get(f"/api/v1/{endpoint}/")
    draft_detail = api.get(f"/api/v1/{endpoint}/draft/")
    api.force_authenticate(staff())
    for_staff = api.get(f"/api/v1/{endpoint}/")

    assert public.json()["count"] == 0
    assert draft_detail.status_code == 404
    assert error_of(draft_detail)["code"] == "not_found"
    assert {item["slug"] for item in for_staff.json()["results"]} == {"draft", "scheduled"}
