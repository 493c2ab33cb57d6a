"""The API names a related item only when the reader may read it (core.visibility).

Everyone but UN staff reads a draft or scheduled series, programme or pilot, and an inactive
cluster, as absent: a null `series` or `parent`, a shorter `projects` or `clusters` list. UN staff,
who read drafts of what they query, read them as related items too; their answers are never kept
for anonymous readers.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.conftest import staff
from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProgrammeFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)
from tests.related_visibility import DRAFT, assert_names_none_of, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def staff_api():
    client = APIClient()
    client.force_authenticate(staff())
    return client


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def by_slug(response) -> dict:
    return {item["slug"]: item for item in response.json()["results"]}


# --- Events -------------------------------------------------------------------------------------


def test_an_event_in_a_draft_series_has_no_series_for_the_public(api, world):
    detail = read(api, "/api/v1/events/harbour-webinar/")
    listing = read(api, "/api/v1/events/")

    assert_names_none_of(detail.content.decode(), world.hidden)
    assert_names_none_of(listing.content.decode(), world.hidden)
    events = by_slug(listing)
    assert detail.json()["series"] is None
    assert events["harbour-webinar"]["series"] is None
    assert events["coastal-webinar"]["series"] is None  # scheduled series
    assert events["open-webinar"]["series"] == "open-curriculum"


def test_an_event_lists_only_public_projects_and_active_clusters_for_the_public(api, world):
    event = read(api, "/api/v1/events/open-webinar/").json()

    assert sorted(event["projects"]) == ["harbour-pilot", "open-pilot"]
    assert event["clusters"] == ["lively-cluster"]


def test_staff_read_an_events_draft_series_projects_and_inactive_clusters(staff_api, world):
    events = by_slug(read(staff_api, "/api/v1/events/"))

    assert events["harbour-webinar"]["series"] == "secret-curriculum"
    assert events["coastal-webinar"]["series"] == "embargoed-curriculum"
    assert sorted(events["harbour-webinar"]["projects"]) == [
        "embargoed-pilot",
        "harbour-pilot",
        "open-pilot",
        "secret-pilot",
    ]
    assert sorted(events["harbour-webinar"]["clusters"]) == ["dormant-cluster", "lively-cluster"]


# --- Projects -----------------------------------------------------------------------------------


def test_a_pilot_in_a_draft_programme_has_no_parent_for_the_public(api, world):
    detail = read(api, "/api/v1/projects/harbour-pilot/")
    listing = read(api, "/api/v1/projects/")

    assert_names_none_of(detail.content.decode(), world.hidden)
    assert_names_none_of(listing.content.decode(), world.hidden)
    assert detail.json()["parent"] is None
    assert detail.json()["programme"] is None
    assert detail.json()["clusters"] == ["lively-cluster"]
    open_pilot = by_slug(listing)["open-pilot"]
    assert open_pilot["parent"] == "open-programme"
    assert open_pilot["programme"] == {"slug": "open-programme", "title": "Open programme"}


def test_staff_read_a_pilots_draft_programme_and_inactive_clusters(staff_api, world):
    pilot = read(staff_api, "/api/v1/projects/harbour-pilot/").json()

    assert pilot["parent"] == "secret-programme"
    assert pilot["programme"] == {"slug": "secret-programme", "title": "Secret programme"}
    assert sorted(pilot["clusters"]) == ["dormant-cluster", "lively-cluster"]


def test_staff_change_a_pilot_of_a_draft_programme_without_losing_the_programme(staff_api, world):
    response = staff_api.patch(
        "/api/v1/projects/harbour-pilot/", {"summary": "New summary."}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["parent"] == "secret-programme"
    world.harbour_pilot.refresh_from_db()
    assert world.harbour_pilot.parent_id == world.secret_programme.pk


# --- Resources ----------------------------------------------------------------------------------


def test_a_resource_lists_only_public_projects_and_active_clusters_for_the_public(api, world):
    detail = read(api, "/api/v1/resources/open-handbook/")
    listing = read(api, "/api/v1/resources/")

    assert_names_none_of(detail.content.decode(), world.hidden)
    assert_names_none_of(listing.content.decode(), world.hidden)
    assert sorted(detail.json()["projects"]) == ["harbour-pilot", "open-pilot"]
    assert detail.json()["clusters"] == ["lively-cluster"]
    assert sorted(by_slug(listing)["open-handbook"]["projects"]) == ["harbour-pilot", "open-pilot"]


def test_staff_read_a_resources_draft_projects(staff_api, world):
    resource = read(staff_api, "/api/v1/resources/open-handbook/").json()

    assert "secret-pilot" in resource["projects"]
    assert "dormant-cluster" in resource["clusters"]


# --- Training series, cities, map -------------------------------------------------------------


def test_a_series_counts_and_names_only_public_sessions_and_clusters(api, world):
    detail = read(api, "/api/v1/training-series/open-curriculum/")
    listing = read(api, "/api/v1/training-series/")

    assert_names_none_of(detail.content.decode(), world.hidden)
    assert_names_none_of(listing.content.decode(), world.hidden)
    assert detail.json()["clusters"] == ["lively-cluster"]
    assert detail.json()["session_count"] == 1  # the draft session is not counted


def test_staff_count_a_series_draft_sessions(staff_api, world):
    series = read(staff_api, "/api/v1/training-series/open-curriculum/").json()

    assert series["session_count"] == 2
    assert sorted(series["clusters"]) == ["dormant-cluster", "lively-cluster"]


def test_a_city_names_only_its_active_clusters_for_the_public(api, staff_api, world):
    public_city = read(api, "/api/v1/cities/tripoli/")
    staff_city = read(staff_api, "/api/v1/cities/tripoli/").json()

    assert_names_none_of(public_city.content.decode(), world.hidden)
    assert [cluster["slug"] for cluster in public_city.json()["clusters"]] == ["lively-cluster"]
    assert {cluster["slug"] for cluster in staff_city["clusters"]} == {
        "lively-cluster",
        "dormant-cluster",
    }


def test_the_map_names_no_inactive_cluster(api, world):
    body = read(api, "/api/v1/map/").content.decode()

    assert_names_none_of(body, world.hidden)
    assert "lively-cluster" in body


# --- The anonymous read cache -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/",
        "/api/v1/events/harbour-webinar/",
        "/api/v1/projects/harbour-pilot/",
        "/api/v1/resources/open-handbook/",
        "/api/v1/cities/tripoli/",
    ],
)
def test_a_staff_answer_never_reaches_an_anonymous_reader(api, staff_api, world, settings, url):
    settings.PAGE_CACHE_SECONDS = 60

    staff_first = read(staff_api, url).content.decode()
    anonymous = read(api, url).content.decode()
    staff_again = read(staff_api, url).content.decode()

    assert "secret-" in staff_first or "dormant-cluster" in staff_first
    assert_names_none_of(anonymous, world.hidden)
    assert staff_again == staff_first


# --- Query counts: filtered prefetches, not one query per row ----------------------------------


def add_rows(count):
    for _ in range(count):
        hidden_cluster = ClusterFactory(is_active=False)
        shown_cluster = ClusterFactory()
        draft_pilot, pilot = ProjectFactory(**DRAFT), ProjectFactory()
        for series in (TrainingSeriesFactory(**DRAFT), TrainingSeriesFactory()):
            series.clusters.set([hidden_cluster, shown_cluster])
            event = EventFactory(series=series)
            event.clusters.set([hidden_cluster, shown_cluster])
            event.projects.set([draft_pilot, pilot])
        for programme in (ProgrammeFactory(parent=None, **DRAFT), ProgrammeFactory(parent=None)):
            ProjectFactory(parent=programme).clusters.set([hidden_cluster, shown_cluster])
        resource = ResourceFactory()
        resource.clusters.set([hidden_cluster, shown_cluster])
        resource.projects.set([draft_pilot, pilot])
        for cluster in (hidden_cluster, shown_cluster):
            ClusterMembershipFactory(cluster=cluster)


def count_queries(client, endpoint) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/{endpoint}/?page_size=100")
    assert response.status_code == 200
    return len(captured), response.json()["count"]


@pytest.mark.parametrize(
    "endpoint", ["events", "projects", "resources", "training-series", "cities"]
)
@pytest.mark.parametrize("reader", ["anonymous", "staff"])
def test_a_list_hides_related_items_in_a_constant_number_of_queries(api, endpoint, reader):
    if reader == "staff":
        api.force_authenticate(staff())
    count_queries(api, endpoint)  # the staff role is looked up once, then kept on the user
    add_rows(3)
    few, few_rows = count_queries(api, endpoint)

    add_rows(27)
    many, many_rows = count_queries(api, endpoint)

    assert few_rows < many_rows
    assert few == many, f"{endpoint} ({reader}): {few} queries for 3 rounds, {many} for 30"
