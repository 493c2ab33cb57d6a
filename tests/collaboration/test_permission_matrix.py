"""Who may open each collaboration page and take each action; a refusal changes nothing."""

import pytest

from projects.models import CollaborationMessage, CollaborationRequest, CollaborationStatus
from tests.collaboration.conftest import ROLES, form_data
from tests.factories import CollaborationRequestFactory

pytestmark = pytest.mark.django_db

LOGIN = 302  # anonymous visitors are sent to sign in

SUBMIT = dict.fromkeys(ROLES, 200) | {"anonymous": LOGIN, "plain": 403}
# Staff and superuser here have no verified address and are no partners: like "plain", they
# cannot submit; opening the page shows them the way to the review queue instead
# (tests/collaboration/test_staff_access.py).
SUBMIT |= {"staff": 403, "superuser": 403}
FORM_GET = SUBMIT | {"staff": 200, "superuser": 200}
DETAIL = dict.fromkeys(ROLES, 404) | {
    "anonymous": LOGIN,
    "partner": 200,
    "staff": 200,
    "superuser": 200,
}
REVIEW_QUEUE = dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "staff": 200, "superuser": 200}
MINE = dict.fromkeys(ROLES, 200) | {"anonymous": LOGIN}

# A staff action: outsiders cannot see the request (404), its requester may not act (403).
STAFF_ACTION = dict.fromkeys(ROLES, 404) | {
    "anonymous": LOGIN,
    "partner": 403,
    "staff": 302,
    "superuser": 302,
}
WITHDRAW = dict.fromkeys(ROLES, 404) | {
    "anonymous": LOGIN,
    "partner": 302,
    "staff": 403,
    "superuser": 403,
}
MESSAGE = dict.fromkeys(ROLES, 404) | {
    "anonymous": LOGIN,
    "partner": 302,
    "staff": 302,
    "superuser": 302,
}


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_the_form_to_partners_and_verified_people_only(cast, role):
    response = cast.client_for(role).get("/collaborate/?project=tripoli-shenzhen")

    assert response.status_code == FORM_GET[role]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
        assert "%3Fproject%3Dtripoli-shenzhen" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_it_accepts_a_submission_only_from_those_who_may_submit(cast, role):
    response = cast.client_for(role).post("/collaborate/", form_data())

    if SUBMIT[role] == 200:
        assert response.status_code == 302
        request = CollaborationRequest.objects.get()
        assert request.requester == getattr(cast, role)
        assert response["Location"] == f"/collaborate/{request.pk}/"
    else:
        assert response.status_code == SUBMIT[role]
        assert not CollaborationRequest.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_a_request_to_its_requester_and_staff_only(cast, role):
    request = CollaborationRequestFactory(requester=cast.partner, message="Our **offer**")

    response = cast.client_for(role).get(f"/collaborate/{request.pk}/")

    assert response.status_code == DETAIL[role]
    if response.status_code == 200:
        assert "<strong>offer</strong>" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_it_opens_the_review_queue_to_staff_only(cast, role):
    CollaborationRequestFactory(requester=cast.partner)

    assert cast.client_for(role).get("/collaborate/review/").status_code == REVIEW_QUEUE[role]


@pytest.mark.parametrize("role", ROLES)
def test_it_lists_only_ones_own_requests_on_my_requests(cast, role):
    request = CollaborationRequestFactory(requester=cast.partner, project=cast.pilot)

    response = cast.client_for(role).get("/collaborate/mine/")

    assert response.status_code == MINE[role]
    if response.status_code == 200:
        listed = f"/collaborate/{request.pk}/" in response.content.decode()
        assert listed == (role == "partner")


ACTIONS = {
    "review": ({}, STAFF_ACTION, CollaborationStatus.SUBMITTED, CollaborationStatus.UNDER_REVIEW),
    "accept": (
        {"accept-outcome": "none"},
        STAFF_ACTION,
        CollaborationStatus.UNDER_REVIEW,
        CollaborationStatus.ACCEPTED,
    ),
    "decline": (
        {"decline-confirm": "on"},
        STAFF_ACTION,
        CollaborationStatus.UNDER_REVIEW,
        CollaborationStatus.DECLINED,
    ),
    "withdraw": ({}, WITHDRAW, CollaborationStatus.SUBMITTED, CollaborationStatus.WITHDRAWN),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_it_lets_only_the_right_people_move_a_request(cast, role, action):
    data, expected, before, after = ACTIONS[action]
    request = CollaborationRequestFactory(requester=cast.partner, status=before)

    response = cast.client_for(role).post(f"/collaborate/{request.pk}/{action}/", data)

    assert response.status_code == expected[role]
    request.refresh_from_db()
    if response.status_code == 302 and role != "anonymous":
        assert request.status == after
    else:
        assert request.status == before
        assert not request.status_changes.exists()


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_staff_assign(cast, role):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = cast.client_for(role).post(
        f"/collaborate/{request.pk}/assign/", {"assignee": cast.staff.pk}
    )

    assert response.status_code == STAFF_ACTION[role]
    request.refresh_from_db()
    assert (request.assigned_to == cast.staff) == (
        STAFF_ACTION[role] == 302 and role != "anonymous"
    )


@pytest.mark.parametrize("role", ROLES)
def test_it_keeps_the_conversation_between_requester_and_staff(cast, role):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = cast.client_for(role).post(
        f"/collaborate/{request.pk}/messages/", {"body": "Any news?"}
    )

    assert response.status_code == MESSAGE[role]
    sent = CollaborationMessage.objects.filter(request=request).exists()
    assert sent == (MESSAGE[role] == 302 and role != "anonymous")


def test_it_answers_an_illegal_action_with_a_message_not_an_error(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner, status=CollaborationStatus.DECLINED
    )
    client = cast.client_for("staff")

    response = client.post(
        f"/collaborate/{request.pk}/accept/", {"accept-outcome": "none"}, follow=True
    )

    assert response.status_code == 200
    assert "cannot become" in response.content.decode()
    request.refresh_from_db()
    assert request.status == CollaborationStatus.DECLINED


def test_it_refuses_a_get_on_an_action(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = cast.client_for("staff").get(f"/collaborate/{request.pk}/review/")

    assert response.status_code == 405
