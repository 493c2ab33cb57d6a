"""The opportunity list page and a person's applications ask the database the same number of
times for 3 rows as for 30 (the API list is in tests/api/test_query_counts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Topic
from opportunities.models import Opportunity
from tests.factories import (
    ApplicationFactory,
    CityFactory,
    ClusterFactory,
    OpportunityFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_opportunities(count, cluster):
    topics = Topic.objects.filter(cluster=cluster)
    for _ in range(count):
        opportunity = OpportunityFactory(cluster=cluster, host_city=CityFactory())
        opportunity.topics.set(topics)


def cluster_with_topics(slug="drr"):
    cluster = ClusterFactory(slug=slug)
    Topic.objects.create(cluster=cluster, name="Early warning", slug="qc-early-warning", order=1)
    Topic.objects.create(cluster=cluster, name="Risk governance", slug="qc-governance", order=2)
    return cluster


@pytest.mark.parametrize(
    "query",
    [
        "",
        "cluster=drr&state=open&kind=fellowship&region=arab_states",
        "topic=qc-early-warning",
        "cluster=drr&topic=qc-governance&state=open",
    ],
)
def test_the_list_page_answers_in_a_constant_number_of_queries(client, query):
    cluster = cluster_with_topics()
    add_opportunities(3, cluster)
    small = queries_for(client, f"/opportunities/?{query}")

    add_opportunities(27, cluster)
    large = queries_for(client, f"/opportunities/?{query}")

    assert small == large


def test_the_detail_page_reads_its_topics_in_one_query(client):
    cluster = cluster_with_topics()
    add_opportunities(1, cluster)
    slug = Opportunity.objects.get().slug
    two_topics = queries_for(client, f"/opportunities/{slug}/")

    Topic.objects.create(cluster=cluster, name="Building codes", slug="qc-codes", order=3)
    Opportunity.objects.get().topics.set(Topic.objects.filter(cluster=cluster))
    three_topics = queries_for(client, f"/opportunities/{slug}/")

    assert two_topics == three_topics


def test_the_list_page_shows_twenty_a_page(client):
    add_opportunities(25, ClusterFactory())

    assert len(client.get("/opportunities/").context["opportunities"]) == 20


def test_my_applications_and_the_review_queue_answer_in_a_constant_number_of_queries(client):
    from tests.factories import StaffUserFactory

    person = UserFactory()
    staff = StaffUserFactory()

    def add(count):
        for _ in range(count):
            ApplicationFactory(applicant=person, city=CityFactory())

    add(3)
    client.force_login(person)
    small_mine = queries_for(client, "/opportunities/applications/")
    client.force_login(staff)
    small_queue = queries_for(client, "/opportunities/applications/review/")
    add(27)
    client.force_login(person)
    large_mine = queries_for(client, "/opportunities/applications/")
    client.force_login(staff)
    large_queue = queries_for(client, "/opportunities/applications/review/")

    assert small_mine == large_mine
    assert small_queue == large_queue
