"""The opportunity list page and a person's applications ask the database the same number of
times for 3 rows as for 30 (the API list is in tests/api/test_query_counts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    for _ in range(count):
        opportunity = OpportunityFactory(cluster=cluster, host_city=CityFactory())
        opportunity.tags.add("early warning")


@pytest.mark.parametrize(
    "query",
    ["", "cluster=drr&state=open&kind=fellowship&region=arab_states", "tag=early-warning"],
)
def test_the_list_page_answers_in_a_constant_number_of_queries(client, query):
    cluster = ClusterFactory(slug="drr")
    add_opportunities(3, cluster)
    small = queries_for(client, f"/opportunities/?{query}")

    add_opportunities(27, cluster)
    large = queries_for(client, f"/opportunities/?{query}")

    assert small == large


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
