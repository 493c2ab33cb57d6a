import pytest
from django.db import IntegrityError, transaction

from clusters.models import ClusterMembership
from core.models import PublicationStatus
from resources.models import Resource, ResourceKind, ReviewState
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    ResourceFactory,
)


@pytest.mark.django_db
def test_it_refuses_a_city_joining_the_same_cluster_twice():
    membership = ClusterMembershipFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterMembership.objects.create(city=membership.city, cluster=membership.cluster)


@pytest.mark.django_db
def test_it_lets_a_city_join_two_clusters():
    city = CityFactory()
    ClusterMembershipFactory(city=city, cluster=ClusterFactory())
    ClusterMembershipFactory(city=city, cluster=ClusterFactory())

    assert city.cluster_memberships.count() == 2


@pytest.mark.django_db
def test_it_refuses_a_resource_published_without_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        Resource.objects.create(
            kind=ResourceKind.NEWS,
            title="Visit to Shenzhen",
            slug="visit-to-shenzhen",
            status=PublicationStatus.PUBLISHED,
            published_at=None,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("review_state", [ReviewState.PROPOSED, ReviewState.RETURNED])
def test_it_refuses_publishing_a_proposal_still_under_review(review_state):
    proposal = ResourceFactory(review_state=review_state, status=PublicationStatus.DRAFT)

    proposal.status = PublicationStatus.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.save()
