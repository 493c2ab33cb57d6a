import pytest

from projects.models import CollaborationKind, ProjectCityRole
from tests.factories import (
    CityFactory,
    CollaborationRequestFactory,
    OrganizationFactory,
    ProjectCityFactory,
    ProjectFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_it_describes_a_city_role_in_a_pilot():
    link = ProjectCityFactory(
        project=ProjectFactory(title="Tripoli–Shenzhen pilot"),
        city=CityFactory(name="Tripoli"),
        role=ProjectCityRole.LEARNING,
    )

    assert str(link) == "Tripoli: Learning city in Tripoli–Shenzhen pilot"


@pytest.mark.django_db
def test_it_describes_a_collaboration_request_by_kind_target_and_status():
    request = CollaborationRequestFactory(
        requester=UserFactory(),
        organization=OrganizationFactory(),
        kind=CollaborationKind.JOIN_PILOT,
        project=ProjectFactory(title="Tripoli–Shenzhen pilot"),
    )

    assert str(request) == "Join a pilot: Tripoli–Shenzhen pilot (Submitted)"
