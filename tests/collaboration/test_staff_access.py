"""Staff review requests whether or not their address is verified; nobody meets a bare 403."""

import pytest
from django.test import Client

from core.roles import UN_STAFF
from projects.models import CollaborationRequest
from tests.collaboration.conftest import form_data, verified
from tests.factories import CollaborationRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = 302
# Who opens the pages: the cast's staff and superuser have no verified address.
PEOPLE = (
    "anonymous",
    "official",
    "partner",
    "other_partner",
    "staff_verified",
    "staff",
    "superuser",
)
STAFF_PAGE = "Staff handle requests from the review queue"
FORM = "Send my request"


@pytest.fixture
def client_for(cast):
    staff_verified = verified(UserFactory(roles=[UN_STAFF], email="desk@example.org"))

    def client_for(who: str) -> Client:
        if who == "staff_verified":
            client = Client()
            client.force_login(staff_verified)
            return client
        return cast.client_for(who)

    return client_for


# (status, what the page says)
NEW_REQUEST_PAGE = {
    "anonymous": (LOGIN, None),
    "official": (200, FORM),
    "partner": (200, FORM),
    "other_partner": (200, FORM),
    "staff_verified": (200, FORM),
    "staff": (200, STAFF_PAGE),
    "superuser": (200, STAFF_PAGE),
}
REVIEW_QUEUE = {
    "anonymous": (LOGIN, None),
    "official": (403, "Only UN staff review collaboration requests"),
    "partner": (403, "Only UN staff review collaboration requests"),
    "other_partner": (403, "Only UN staff review collaboration requests"),
    "staff_verified": (200, "Collaboration requests to review"),
    "staff": (200, "Collaboration requests to review"),
    "superuser": (200, "Collaboration requests to review"),
}


@pytest.mark.parametrize("who", PEOPLE)
def test_it_shows_each_person_the_new_request_page_they_can_use(client_for, who):
    response = client_for(who).get("/collaborate/?project=tripoli-shenzhen")

    status, text = NEW_REQUEST_PAGE[who]
    assert response.status_code == status
    if text is not None:
        page = response.content.decode()
        assert text in page
        # Every staff member, verified or not, is pointed to the review queue.
        assert ('href="/collaborate/review/"' in page) == who.startswith(("staff", "superuser"))
    if text == STAFF_PAGE:
        assert "confirm your email address first" in page
        assert 'name="message"' not in page


@pytest.mark.parametrize("who", PEOPLE)
def test_it_opens_the_review_queue_to_staff_and_explains_the_refusal_to_others(
    cast, client_for, who
):
    CollaborationRequestFactory(requester=cast.other_partner, project=cast.pilot)

    response = client_for(who).get("/collaborate/review/")

    status, text = REVIEW_QUEUE[who]
    assert response.status_code == status
    if text is not None:
        page = response.content.decode()
        assert text in page
        # Staff see the waiting request; nobody else learns it exists.
        assert ("Tripoli–Shenzhen pilot" in page) == (status == 200)
    if status == 403:
        assert 'href="/collaborate/mine/"' in page


@pytest.mark.parametrize("who", ["staff", "superuser"])
def test_it_lets_unverified_staff_open_and_review_a_request(cast, who):
    request = CollaborationRequestFactory(requester=cast.partner, project=cast.pilot)
    client = cast.client_for(who)

    detail = client.get(f"/collaborate/{request.pk}/")
    started = client.post(f"/collaborate/{request.pk}/review/")

    assert detail.status_code == 200
    assert "Start the review" in detail.content.decode()
    assert started.status_code == 302
    request.refresh_from_db()
    assert request.status == "under_review"


@pytest.mark.parametrize("who", ["staff", "superuser"])
def test_it_refuses_a_submission_from_unverified_staff_with_an_explanation(cast, who):
    response = cast.client_for(who).post("/collaborate/", form_data())

    assert response.status_code == 403
    page = response.content.decode()
    assert "Your request was not sent." in page
    assert STAFF_PAGE in page
    assert not CollaborationRequest.objects.exists()
