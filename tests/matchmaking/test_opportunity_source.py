"""Open opportunities a city may apply to are suggested for the topics they name: the clusters'
vocabulary, matched by topic (not by name)."""

import datetime as dt

import pytest
from django.utils import timezone

from clusters.models import Topic
from matchmaking.models import CityMatch
from tests.factories import ClusterFactory, OpportunityFactory


@pytest.fixture
def new_opportunity(world):
    def make(**fields):
        opportunity = OpportunityFactory(**{"cluster": world.drr, **fields})
        opportunity.topics.set([world.early_warning, world.building_codes])
        return opportunity

    return make


def _suggested(world):
    return set(
        CityMatch.objects.filter(city=world.tripoli, kind="opportunity").values_list(
            "target_id", flat=True
        )
    )


def test_a_topic_of_the_same_name_in_another_cluster_is_not_what_the_city_needs(world):
    """Tripoli needs the disaster-risk cluster's early warning systems; another cluster's topic
    of the same name is another topic."""
    other = Topic.objects.create(
        cluster=ClusterFactory(), name="Early warning systems", slug="ews-elsewhere"
    )
    opportunity = OpportunityFactory(cluster=other.cluster)
    opportunity.topics.set([other])

    world.refresh()

    assert _suggested(world) == set()


def test_a_topic_added_to_an_opportunity_refreshes_the_cities_that_need_it(
    world, new_opportunity, django_capture_on_commit_callbacks
):
    fellowship = OpportunityFactory(cluster=world.drr, title="Governance fellowship")
    world.refresh()
    assert _suggested(world) == set()

    with django_capture_on_commit_callbacks(execute=True):
        fellowship.topics.add(world.governance)

    row = CityMatch.objects.get(city=world.tripoli, kind="opportunity")
    assert row.target_id == fellowship.pk
    assert row.topic == world.governance

    with django_capture_on_commit_callbacks(execute=True):
        fellowship.topics.remove(world.governance)

    assert _suggested(world) == set()


def test_an_open_opportunity_for_the_citys_region_is_suggested_with_its_deadline(
    client, world, new_opportunity
):
    fellowship = new_opportunity(title="Early warning fellowship", eligible_regions=["arab_states"])

    world.refresh()

    row = CityMatch.objects.get(city=world.tripoli, kind="opportunity")
    assert row.target_id == fellowship.pk
    assert row.score_parts == {"topic": 10, "eligible": 3}
    page = client.get("/cities/tripoli/").content.decode()
    assert "Early warning fellowship is open to Tripoli and covers early warning systems" in page
    assert "apply by" in page


def test_closed_drafts_and_other_regions_or_countries_are_not_suggested(world, new_opportunity):
    new_opportunity(deadline=timezone.now() - dt.timedelta(days=1))
    new_opportunity(status="draft", published_at=None)
    new_opportunity(eligible_regions=["africa"])
    new_opportunity(eligible_countries=["KE"])

    world.refresh()

    assert _suggested(world) == set()


def test_an_opportunity_open_to_the_citys_country_is_suggested(world, new_opportunity):
    fellowship = new_opportunity(eligible_countries=["LB"])

    world.refresh()

    assert _suggested(world) == {fellowship.pk}
