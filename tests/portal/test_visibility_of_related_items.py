"""A published page, feed, calendar or sitemap never names an unpublished related item.

Draft and scheduled series, programmes, pilots, sessions, resources and updates, and inactive
clusters, leave no title and no slug behind; their published counterparts still show.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ClusterFactory,
    EventFactory,
    ProgrammeFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)
from tests.related_visibility import (
    DRAFT,
    assert_names_all_of,
    assert_names_none_of,
    build_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    # iCalendar folds long lines; unfolded, a title is searchable whole.
    return response.content.decode().replace("\r\n ", "")


def test_the_event_list_names_no_draft_or_scheduled_series_nor_inactive_cluster(client, world):
    body = page(client, "/events/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(
        body,
        [world.harbour_webinar, world.coastal_webinar, world.open_series, world.lively_cluster],
    )


def test_an_event_page_names_only_its_public_series_projects_and_clusters(client, world):
    in_draft_series = page(client, "/events/harbour-webinar/")
    in_open_series = page(client, "/events/open-webinar/")

    assert_names_none_of(in_draft_series, world.hidden)
    assert "Part of a training series" not in in_draft_series
    assert_names_all_of(
        in_draft_series, [world.harbour_pilot, world.open_pilot, world.lively_cluster]
    )
    assert_names_none_of(in_open_series, world.hidden)
    assert_names_all_of(in_open_series, [world.open_series, world.harbour_pilot])


def test_a_series_page_lists_only_public_sessions_and_clusters(client, world):
    body = page(client, "/events/series/open-curriculum/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.open_webinar, world.lively_cluster, world.partner])


def test_the_home_page_names_no_unpublished_related_item(client, world):
    body = page(client, "/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.harbour_pilot, world.harbour_webinar, world.lively_cluster])


def test_a_cluster_page_names_no_unpublished_related_item(client, world):
    body = page(client, "/clusters/lively-cluster/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(
        body, [world.harbour_pilot, world.open_pilot, world.harbour_webinar, world.open_handbook]
    )


def test_an_inactive_cluster_has_no_page_feed_or_calendar(client, world):
    for url in (
        "/clusters/dormant-cluster/",
        "/clusters/dormant-cluster/feed/",
        "/clusters/dormant-cluster/events.ics",
    ):
        assert client.get(url).status_code == 404, url


def test_a_city_page_names_only_public_clusters_pilots_and_partners_work(client, world):
    body = page(client, "/cities/tripoli/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(
        body,
        [
            world.lively_cluster,
            world.harbour_pilot,
            world.open_pilot,
            world.harbour_webinar,
            world.open_handbook,
        ],
    )


def test_the_city_list_names_no_inactive_cluster(client, world):
    body = page(client, "/cities/")

    assert_names_none_of(body, [world.dormant_cluster])
    assert_names_all_of(body, [world.lively_cluster])


def test_a_pilot_page_names_no_draft_programme_nor_unpublished_related_item(client, world):
    body = page(client, "/projects/harbour-pilot/")

    assert_names_none_of(body, world.hidden)
    assert "Part of" not in body
    assert_names_all_of(
        body,
        [
            world.lively_cluster,
            world.harbour_webinar,
            world.open_webinar,
            world.open_handbook,
            world.open_update,
        ],
    )


def test_a_pilot_page_names_its_published_programme(client, world):
    body = page(client, "/projects/open-pilot/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.open_programme])


def test_a_programme_page_lists_only_its_public_pilots(client, world):
    body = page(client, "/projects/open-programme/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.open_pilot])


def test_the_project_list_names_no_draft_programme_nor_inactive_cluster(client, world):
    body = page(client, "/projects/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(
        body, [world.harbour_pilot, world.open_pilot, world.open_programme, world.lively_cluster]
    )


def test_the_library_and_a_resource_page_name_only_public_clusters_and_pilots(client, world):
    listing = page(client, "/resources/")
    detail = page(client, "/resources/open-handbook/")

    assert_names_none_of(listing, world.hidden)
    assert_names_all_of(listing, [world.open_handbook, world.lively_cluster])
    assert_names_none_of(detail, world.hidden)
    assert_names_all_of(detail, [world.lively_cluster, world.harbour_pilot, world.open_pilot])


def test_a_partner_page_names_only_public_pilots_events_series_and_resources(client, world):
    body = page(client, "/partners/harbour-partners/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(
        body, [world.harbour_pilot, world.harbour_webinar, world.open_series, world.open_handbook]
    )


def test_search_results_and_facets_name_no_unpublished_related_item(client, world):
    body = page(client, "/search/?q=Harbour")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.harbour_pilot, world.harbour_webinar, world.lively_cluster])


def test_the_map_page_names_no_inactive_cluster(client, world):
    body = page(client, "/map/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.lively_cluster, world.harbour_pilot])


def test_the_cluster_stylesheet_names_no_inactive_cluster(client, world):
    body = page(client, "/clusters.css")

    assert_names_none_of(body, [world.dormant_cluster])
    assert "lively-cluster" in body


def test_an_event_calendar_file_names_no_unpublished_related_item(client, world):
    body = page(client, "/events/harbour-webinar/event.ics")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.harbour_webinar])


def test_a_cluster_calendar_names_no_unpublished_related_item(client, world):
    body = page(client, "/clusters/lively-cluster/events.ics")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.harbour_webinar, world.coastal_webinar, world.open_webinar])


def test_a_cluster_feed_names_no_unpublished_related_item(client, world):
    body = page(client, "/clusters/lively-cluster/feed/")

    assert_names_none_of(body, world.hidden)
    assert_names_all_of(body, [world.harbour_pilot, world.harbour_webinar, world.open_handbook])


def test_the_sitemap_lists_no_unpublished_item(client, world):
    body = page(client, "/sitemap.xml")

    assert_names_none_of(body, world.hidden)
    for slug in ("harbour-pilot", "open-curriculum", "harbour-webinar", "lively-cluster"):
        assert f"/{slug}/</loc>" in body


# --- Query counts: the rule costs a fixed number of queries, never one per row ---------------


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_listed_items(count):
    """Each round: items tied to a draft and to a published series, programme and cluster."""
    for _ in range(count):
        hidden_cluster = ClusterFactory(is_active=False)
        shown_cluster = ClusterFactory()
        for series in (TrainingSeriesFactory(**DRAFT), TrainingSeriesFactory()):
            event = EventFactory(series=series)
            event.clusters.set([hidden_cluster, shown_cluster])
        for programme in (ProgrammeFactory(parent=None, **DRAFT), ProgrammeFactory(parent=None)):
            pilot = ProjectFactory(parent=programme)
            pilot.clusters.set([hidden_cluster, shown_cluster])
        resource = ResourceFactory()
        resource.clusters.set([hidden_cluster, shown_cluster])
        resource.projects.set([ProjectFactory(**DRAFT), ProjectFactory()])


@pytest.mark.parametrize("url", ["/events/", "/projects/", "/resources/", "/"])
def test_a_list_page_hides_related_items_in_a_constant_number_of_queries(client, url):
    add_listed_items(2)
    few = queries_for(client, url)

    add_listed_items(8)
    many = queries_for(client, url)

    assert few == many, f"{url}: {few} queries for 2 rounds, {many} for 10"
