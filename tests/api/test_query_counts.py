"""Every list answers with the same number of queries for 3 rows as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Topic
from tests.api.conftest import staff
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    CollaborationRequestFactory,
    EventCoHostFactory,
    EventFactory,
    NotificationFactory,
    OpportunityFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    RegistrationFactory,
    ResourceFactory,
    SubscriptionFactory,
    TrainingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def make_project(user):
    project = ProjectFactory(parent=ProjectFactory(kind="programme", parent=None))
    project.clusters.add(ClusterFactory())
    project.tags.add("flood")
    ProjectCityFactory(project=project)
    ProjectPartnerFactory(project=project)


def make_event(user):
    event = EventFactory(city=CityFactory(), series=TrainingSeriesFactory())
    event.clusters.add(ClusterFactory())
    EventCoHostFactory(event=event)
    RegistrationFactory(event=event)


def make_resource(user):
    resource = ResourceFactory(author=user)
    resource.clusters.add(ClusterFactory())
    resource.cities.add(CityFactory())
    resource.tags.add("toolkit")


def make_series(user):
    series = TrainingSeriesFactory()
    series.organizers.add(OrganizationFactory())
    EventFactory(series=series)


def make_city(user):
    city = CityFactory()
    city.hazards.add("flood")
    ClusterMembershipFactory(city=city)


def make_cluster(user):
    ClusterMembershipFactory(cluster=ClusterFactory())


def make_opportunity(user):
    topics = Topic.objects.filter(slug__in=["early-warning-systems", "risk-governance"])
    opportunity = OpportunityFactory(
        host_city=CityFactory(), eligible_regions=["arab_states"], cluster=topics[0].cluster
    )
    opportunity.topics.set(topics)


def make_collaboration_request(user):
    CollaborationRequestFactory(requester=user, organization=OrganizationFactory())


LISTS = {
    "projects": make_project,
    "events": make_event,
    "resources": make_resource,
    "training-series": make_series,
    "cities": make_city,
    "clusters": make_cluster,
    "organizations": lambda user: OrganizationFactory(),
    "collaboration-requests": make_collaboration_request,
    "opportunities": make_opportunity,
    "registrations": lambda user: RegistrationFactory(user=user),
    "subscriptions": lambda user: SubscriptionFactory(user=user),
    "notifications": lambda user: NotificationFactory(recipient=user),
}


def count_queries(client, endpoint, query=""):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/{endpoint}/?page_size=100&{query}")
    assert response.status_code == 200
    return len(captured), response.json()["count"]


@pytest.mark.parametrize("endpoint", LISTS)
def test_it_lists_with_a_constant_number_of_queries(api, endpoint):
    user = staff()
    api.force_authenticate(user)
    make = LISTS[endpoint]
    baseline = count_queries(api, endpoint)[1]

    for _ in range(3):
        make(user)
    few, few_count = count_queries(api, endpoint)
    for _ in range(27):
        make(user)
    many, many_count = count_queries(api, endpoint)

    assert baseline < few_count < many_count
    assert few == many, f"{endpoint}: {few} queries for 3 rows, {many} for 30"


FILTERED = {
    "projects": "kind=pilot&phase=active&country=LB&region=arab_states&tags=flood",
    "events": "event_format=online&language=en&kind=webinar&country=LB",
    "resources": "kind=good_practice&tags=toolkit&tag=toolkit&country=LB",
    "training-series": "status=published",
    "cities": "sort=newest&hazard=flood&country=LB&region=arab_states",
    "organizations": "kind=ngo&country=KE",
    "opportunities": "kind=fellowship&state=open&region=arab_states&topic=early-warning-systems",
}


@pytest.mark.parametrize("endpoint", FILTERED)
def test_it_filters_with_a_constant_number_of_queries(api, endpoint):
    user = staff()
    api.force_authenticate(user)
    make = LISTS[endpoint]
    baseline = count_queries(api, endpoint, FILTERED[endpoint])[1]

    for _ in range(3):
        make(user)
    few, few_count = count_queries(api, endpoint, FILTERED[endpoint])
    for _ in range(27):
        make(user)
    many, many_count = count_queries(api, endpoint, FILTERED[endpoint])

    assert baseline + 3 <= few_count < many_count
    assert few == many, f"{endpoint}: {few} queries for 3 rows, {many} for 30"
