"""Partners ask to collaborate for their own organization and see only their own requests."""

import pytest

from projects.models import CollaborationRequest
from tests.api.conftest import ROLES, error_of
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

CREATE_STATUS = dict.fromkeys(ROLES, 403) | {
    "anonymous": 401,
    "partner": 201,
    "other_partner": 201,
}
LIST_STATUS = dict.fromkeys(ROLES, 403) | {
    "anonymous": 401,
    "partner": 200,
    "other_partner": 200,
    "staff": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_partners_submit_a_request(cast, role):
    ProjectFactory(slug="tripoli-shenzhen")

    response = cast.client_for(role).post(
        "/api/v1/collaboration-requests/",
        {"kind": "technical_expertise", "project": "tripoli-shenzhen", "message": "We can help."},
        format="json",
    )

    assert response.status_code == CREATE_STATUS[role], response.content
    if response.status_code == 201:
        request = CollaborationRequest.objects.get()
        user = getattr(cast, role)
        assert request.requester == user
        assert request.organization == user.organization
        assert response.json()["organization"] == user.organization.slug
    else:
        assert not CollaborationRequest.objects.exists()


def submit(cast, role, **target):
    return cast.client_for(role).post(
        "/api/v1/collaboration-requests/",
        {"kind": "peer_exchange", "message": "Let us exchange.", **target},
        format="json",
    )


@pytest.mark.parametrize(
    "target",
    [{}, {"city": "tripoli", "cluster": "disaster-risk-reduction"}, {"city": "atlantis"}],
)
def test_it_needs_exactly_one_existing_target(cast, target):
    response = submit(cast, "partner", **target)

    assert response.status_code == 400
    assert error_of(response)["fields"]
    assert not CollaborationRequest.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_partners_only_their_own_requests_and_staff_all(cast, role):
    submit(cast, "partner", city="tripoli")
    submit(cast, "other_partner", cluster="disaster-risk-reduction")
    mine = CollaborationRequest.objects.get(requester=cast.partner)

    listing = cast.client_for(role).get("/api/v1/collaboration-requests/")
    detail = cast.client_for(role).get(f"/api/v1/collaboration-requests/{mine.pk}/")

    assert listing.status_code == LIST_STATUS[role]
    if listing.status_code == 200:
        seen = {item["id"] for item in listing.json()["results"]}
        expected = {
            "partner": {mine.pk},
            "other_partner": set(
                CollaborationRequest.objects.filter(requester=cast.other_partner).values_list(
                    "pk", flat=True
                )
            ),
            "staff": set(CollaborationRequest.objects.values_list("pk", flat=True)),
        }[role]
        assert seen == expected
        assert detail.status_code == (200 if role in {"partner", "staff"} else 404)
    else:
        assert detail.status_code == LIST_STATUS[role]


# An open request of the partner's already exists for the target: only the same organization's
# second request is a duplicate, and only its own author is pointed at the first one.
DUPLICATE_STATUS = CREATE_STATUS | {"partner": 409}


@pytest.mark.parametrize("role", ROLES)
def test_it_refuses_a_duplicate_only_from_the_same_organization(cast, role):
    first = submit(cast, "partner", city="tripoli")
    assert first.status_code == 201

    response = submit(cast, role, city="tripoli")

    assert response.status_code == DUPLICATE_STATUS[role], response.content
    requests = CollaborationRequest.objects.order_by("pk")
    if response.status_code == 201:
        assert requests.last().requester == getattr(cast, role)
        assert requests.count() == 2
    else:
        assert requests.count() == 1
        error = error_of(response)
        if response.status_code == 409:
            assert error["existing"].endswith(
                f"/api/v1/collaboration-requests/{first.json()['id']}/"
            )


# Requests change through the review workflow on the site, never through the API; a role that
# may use the endpoint learns only that the method does not exist (nothing about the request).
CHANGE_STATUS = dict.fromkeys(ROLES, 403) | {
    "anonymous": 401,
    "partner": 405,
    "other_partner": 405,
    "staff": 405,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_it_lets_nobody_change_or_delete_a_request_through_the_api(cast, role, method):
    submit(cast, "partner", city="tripoli")
    request = CollaborationRequest.objects.get()

    response = getattr(cast.client_for(role), method)(
        f"/api/v1/collaboration-requests/{request.pk}/",
        {"status": "withdrawn", "message": "Changed"},
        format="json",
    )

    assert response.status_code == CHANGE_STATUS[role]
    error_of(response)
    request.refresh_from_db()
    assert (request.status, request.message) == ("submitted", "Let us exchange.")
