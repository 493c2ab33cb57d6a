"""Filters narrow lists; a value that names nothing, or is malformed, is a JSON 400."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import error_of
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def slugs(response):
    assert response.status_code == 200, response.content
    return sorted(item["slug"] for item in response.json()["results"])


def test_it_filters_projects_by_cluster_city_country_region_phase_kind_and_tags(api):
    drr = ClusterFactory(slug="drr-test")
    tripoli = CityFactory(slug="tripoli", country="LB", region="arab_states")
    lima = CityFactory(slug="lima", country="PE", region="latin_america_caribbean")
    tripoli_pilot = ProjectFactory(slug="tripoli-pilot", phase="active")
    tripoli_pilot.clusters.add(drr)
    tripoli_pilot.tags.add("flood")
    ProjectCityFactory(project=tripoli_pilot, city=tripoli)
    lima_pilot = ProjectFactory(slug="lima-pilot", phase="completed")
    ProjectCityFactory(project=lima_pilot, city=lima)

    assert slugs(api.get("/api/v1/projects/?cluster=drr-test")) == ["tripoli-pilot"]
    assert slugs(api.get("/api/v1/projects/?city=lima")) == ["lima-pilot"]
    assert slugs(api.get("/api/v1/projects/?country=LB")) == ["tripoli-pilot"]
    assert slugs(api.get("/api/v1/projects/?region=latin_america_caribbean")) == ["lima-pilot"]
    assert slugs(api.get("/api/v1/projects/?phase=completed")) == ["lima-pilot"]
    assert slugs(api.get("/api/v1/projects/?kind=programme")) == []
    assert slugs(api.get("/api/v1/projects/?tags=flood")) == ["tripoli-pilot"]


def test_it_filters_events_by_date_range_city_and_kind(api):
    now = timezone.now()
    CityFactory(slug="shenzhen")
    EventFactory(slug="soon", starts_at=now + dt.timedelta(days=2), kind="workshop")
    EventFactory(
        slug="later",
        starts_at=now + dt.timedelta(days=40),
        city=CityFactory(slug="tripoli"),
        format="in_person",
    )
    cutoff = (now + dt.timedelta(days=10)).isoformat().replace("+00:00", "Z")

    assert slugs(api.get("/api/v1/events/", {"starts_before": cutoff})) == ["soon"]
    assert slugs(api.get("/api/v1/events/", {"starts_after": cutoff})) == ["later"]
    assert slugs(api.get("/api/v1/events/?city=tripoli")) == ["later"]
    assert slugs(api.get("/api/v1/events/?city=shenzhen")) == []
    assert slugs(api.get("/api/v1/events/?kind=workshop")) == ["soon"]
    assert slugs(api.get("/api/v1/events/?event_format=in_person")) == ["later"]


def test_it_filters_resources_by_kind_cluster_and_publication_dates(api):
    cluster = ClusterFactory(slug="waste-test")
    old = ResourceFactory(
        slug="old", kind="news", published_at=timezone.now() - dt.timedelta(days=400)
    )
    ResourceFactory(slug="new", kind="case_study").clusters.add(cluster)
    a_year_ago = (timezone.now() - dt.timedelta(days=365)).isoformat()

    assert slugs(api.get("/api/v1/resources/?kind=news")) == [old.slug]
    assert slugs(api.get("/api/v1/resources/?cluster=waste-test")) == ["new"]
    assert slugs(api.get("/api/v1/resources/", {"published_before": a_year_ago})) == ["old"]
    assert slugs(api.get("/api/v1/resources/", {"published_after": a_year_ago})) == ["new"]


def test_it_filters_cities_clusters_series_and_organizations(api):
    membership = ClusterMembershipFactory(city=CityFactory(slug="nairobi", country="KE"))
    CityFactory(slug="quito", country="EC")
    TrainingSeriesFactory(slug="certified", is_certified=True)
    TrainingSeriesFactory(slug="open", is_certified=False)
    OrganizationFactory(slug="undp", kind="un_entity")
    OrganizationFactory(slug="ngo-one", kind="ngo")

    assert slugs(api.get(f"/api/v1/cities/?cluster={membership.cluster.slug}")) == ["nairobi"]
    assert slugs(api.get("/api/v1/cities/?country=EC")) == ["quito"]
    assert slugs(api.get("/api/v1/clusters/?city=nairobi")) == [membership.cluster.slug]
    assert slugs(api.get("/api/v1/training-series/?is_certified=true")) == ["certified"]
    assert slugs(api.get("/api/v1/organizations/?kind=un_entity")) == ["undp"]


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/projects/?cluster=no-such-cluster",
        "/api/v1/projects/?phase=sleeping",
        "/api/v1/projects/?country=XX",
        "/api/v1/projects/?started_after=yesterday",
        "/api/v1/projects/?city=",
        "/api/v1/events/?starts_after=not-a-date",
        "/api/v1/events/?kind=party",
        "/api/v1/resources/?kind=poem",
        "/api/v1/cities/?region=atlantis",
        "/api/v1/clusters/?city=no-such-city",
        "/api/v1/training-series/?is_certified=maybe",
        "/api/v1/training-series/?year=abc",
        "/api/v1/organizations/?kind=club",
        "/api/v1/map/?cluster=no-such-cluster",
    ],
)
def test_it_refuses_unknown_or_malformed_filter_values_with_a_json_400(api, query):
    response = api.get(query)

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid"
    parameter = query.split("?")[1].split("=")[0]
    assert parameter in error["fields"]


def test_it_searches_titles_and_orders_by_request(api):
    ProjectFactory(slug="b", title="Bravo flood resilience", start_date=dt.date(2021, 1, 1))
    ProjectFactory(slug="a", title="Alpha heritage", start_date=dt.date(2023, 1, 1))

    assert slugs(api.get("/api/v1/projects/?search=flood")) == ["b"]
    by_title = api.get("/api/v1/projects/?ordering=title").json()["results"]
    by_start = api.get("/api/v1/projects/?ordering=start_date").json()["results"]
    assert [p["slug"] for p in by_title] == ["a", "b"]
    assert [p["slug"] for p in by_start] == ["b", "a"]
