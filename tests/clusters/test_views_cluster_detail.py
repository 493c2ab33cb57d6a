"""The cluster space: what it is about, who is in it, and what it publishes."""

import datetime as dt

import pytest
from django.utils import timezone

from clusters.models import Cluster, MembershipRole
from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
)

pytestmark = pytest.mark.django_db

URL = "/clusters/disaster-risk-reduction/"


@pytest.fixture
def cluster():
    return Cluster.objects.get(slug="disaster-risk-reduction")


def test_it_renders_the_description_as_safe_markdown_and_the_sdgs(client, cluster):
    cluster.description = "Cities **share** early warning.<script>alert(1)</script>"
    cluster.save()

    response = client.get(URL)

    assert "<strong>share</strong>" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert "SDG 13" in response.text
    assert "Climate action" in response.text


def test_it_marks_lead_cities_among_the_members(client, cluster):
    ClusterMembershipFactory(
        cluster=cluster, city=CityFactory(name="Shenzhen"), role=MembershipRole.LEAD
    )
    ClusterMembershipFactory(cluster=cluster, city=CityFactory(name="Tripoli"))

    response = client.get(URL)

    members = response.text.split('id="cities-heading"')[1].split("</section>")[0]
    lead_item = members.split('class="lead-city"')[1].split("</li>")[0]
    assert "Shenzhen" in lead_item
    assert "Lead city" in lead_item
    assert members.count("Lead city") == 1
    assert "Tripoli" in members


def test_it_shows_published_pilots_but_not_drafts(client, cluster):
    published = ProjectFactory(title="Tripoli learns from Shenzhen")
    ProjectCityFactory(project=published, city=CityFactory(name="Tripoli"))
    draft = ProjectFactory(title="Draft pilot", status=PublicationStatus.DRAFT, published_at=None)
    published.clusters.add(cluster)
    draft.clusters.add(cluster)

    response = client.get(URL)

    assert "Tripoli learns from Shenzhen" in response.text
    assert "Draft pilot" not in response.text


def test_it_separates_upcoming_and_past_events(client, cluster):
    upcoming = EventFactory(title="Next training")
    past = EventFactory(
        title="Old workshop",
        starts_at=timezone.now() - dt.timedelta(days=30),
        ends_at=timezone.now() - dt.timedelta(days=29),
    )
    upcoming.clusters.add(cluster)
    past.clusters.add(cluster)

    response = client.get(URL)

    upcoming_section = response.text.split('id="upcoming-heading"')[1].split("</section>")[0]
    past_section = response.text.split('id="past-heading"')[1].split("</section>")[0]
    assert "Next training" in upcoming_section
    assert "Old workshop" in past_section


def test_it_lists_published_resources_and_news_separately(client, cluster):
    practice = ResourceFactory(title="Evacuation drill guide")
    news = ResourceFactory(title="Delegation visit", kind=ResourceKind.NEWS)
    hidden = ResourceFactory(
        title="Hidden draft", status=PublicationStatus.DRAFT, published_at=None
    )
    for resource in (practice, news, hidden):
        resource.clusters.add(cluster)

    response = client.get(URL)

    resources = response.text.split('id="resources-heading"')[1].split("</section>")[0]
    news_section = response.text.split('id="news-heading"')[1].split("</section>")[0]
    assert "Evacuation drill guide" in resources
    assert "Delegation visit" in news_section
    assert "Delegation visit" not in resources
    assert "Hidden draft" not in response.text


def test_it_links_the_feeds_and_the_collaboration_form(client, cluster):
    response = client.get(URL)
    assert f'href="{URL}feed/"' in response.text
    assert f'href="{URL}events.ics"' in response.text
    assert 'href="/collaborate/?cluster=disaster-risk-reduction"' in response.text


def test_it_shows_empty_states_for_a_new_cluster(client, cluster):
    response = client.get(URL)
    assert "No city has joined this cluster yet." in response.text
    assert "No pilot has been published in this cluster yet." in response.text


def test_it_answers_404_for_an_unknown_or_inactive_cluster(client, cluster):
    assert client.get("/clusters/no-such-cluster/").status_code == 404
    cluster.is_active = False
    cluster.save()
    assert client.get(URL).status_code == 404
