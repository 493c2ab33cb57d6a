import pytest

from clusters.models import MembershipRole
from tests.factories import CityFactory, ClusterFactory, ClusterMembershipFactory


@pytest.mark.django_db
def test_it_describes_a_membership_in_words():
    membership = ClusterMembershipFactory(
        city=CityFactory(name="Shenzhen", country="CN"),
        cluster=ClusterFactory(name="Disaster risk"),
        role=MembershipRole.LEAD,
    )

    assert str(membership) == "Shenzhen, China in Disaster risk (Lead city)"
