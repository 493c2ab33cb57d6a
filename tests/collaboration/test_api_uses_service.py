"""The API's writes go through the same service as the form: its rate limits, its duplicate check,
the history and one email to the reviewers per accepted request."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from core.roles import PARTNER
from projects.models import CollaborationRequest
from tests.collaboration.conftest import form_data
from tests.factories import CityFactory, CollaborationRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/collaboration-requests/"


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def payload(**overrides):
    return {"kind": "technical_expertise", "project": "tripoli-shenzhen", "message": "Hello"} | (
        overrides
    )


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_it_records_history_and_refuses_a_duplicate_with_409_linking_ones_own_request(cast):
    client = api_for(cast.partner)

    first = client.post(URL, payload(), format="json")
    second = client.post(URL, payload(), format="json")

    assert first.status_code == 201
    assert second.status_code == 409
    error = error_of(second)
    assert error["code"] == "duplicate"
    assert "already has an open request of this kind for Tripoli–Shenzhen pilot" in error["message"]
    request = CollaborationRequest.objects.get()
    assert error["existing"] == f"http://testserver{URL}{request.pk}/"
    assert list(request.status_changes.values_list("to_status", flat=True)) == ["submitted"]


def test_it_does_not_reveal_a_colleagues_duplicate(cast):
    colleague = UserFactory(roles=[PARTNER], organization=cast.partner.organization)
    theirs = CollaborationRequestFactory(
        requester=colleague,
        project=cast.pilot,
        kind="technical_expertise",
        message="Our confidential offer",
    )

    response = api_for(cast.partner).post(URL, payload(), format="json")

    assert response.status_code == 409
    error = error_of(response)
    assert "Your organization already has an open request" in error["message"]
    assert "existing" not in error
    body = response.content.decode()
    for secret in (str(theirs.pk), colleague.email, colleague.name, "confidential"):
        assert secret not in body
    assert CollaborationRequest.objects.count() == 1


def test_it_answers_429_from_the_eleventh_request_in_an_hour_and_emails_reviewers_ten_times(
    cast, django_capture_on_commit_callbacks
):
    client = api_for(cast.partner)
    cities = [CityFactory() for _ in range(11)]
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            client.post(URL, payload(project=None, city=city.slug), format="json").status_code
            for city in cities[:10]
        ]
        refused = client.post(URL, payload(project=None, city=cities[10].slug), format="json")

    assert statuses == [201] * 10
    assert refused.status_code == 429
    error = error_of(refused)
    assert error["code"] == "throttled"
    assert "You have sent several requests in a short time" in error["message"]
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert CollaborationRequest.objects.count() == 10
    to_reviewer = [message for message in mail.outbox if message.to == [cast.staff.email]]
    assert len(to_reviewer) == 10


def test_it_counts_the_page_and_the_api_against_one_budget(cast, settings):
    settings.COLLABORATION_RATE_PER_USER = "2/h"
    page = cast.client_for("partner")
    assert page.post("/collaborate/", form_data(kind="funding")).status_code == 302
    assert api_for(cast.partner).post(URL, payload(), format="json").status_code == 201

    from_page = page.post("/collaborate/", form_data(kind="peer_exchange"))
    from_api = api_for(cast.partner).post(URL, payload(kind="peer_exchange"), format="json")

    assert from_page.status_code == 429
    assert from_api.status_code == 429
    assert CollaborationRequest.objects.count() == 2


def test_it_limits_one_address_whoever_signs_in_through_the_api_too(cast, settings):
    settings.COLLABORATION_RATE_PER_IP = "1/h"
    assert cast.client_for("verified").post("/collaborate/", form_data()).status_code == 302

    response = api_for(cast.partner).post(URL, payload(), format="json")

    assert response.status_code == 429
    assert CollaborationRequest.objects.count() == 1
