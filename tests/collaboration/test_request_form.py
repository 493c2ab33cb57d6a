"""The form opens on the page's target, speaks for the partner's organization, and sends once."""

import pytest

from notifications.models import Notification
from projects.models import CollaborationRequest, CollaborationStatus
from tests.collaboration.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "selected"),
    [
        ("?project=tripoli-shenzhen", "project:tripoli-shenzhen"),
        ("?cluster=drr", "cluster:drr"),
        ("?city=tripoli", "city:tripoli"),
    ],
)
def test_it_preselects_the_target_it_was_opened_from(cast, query, selected):
    html = cast.client_for("partner").get(f"/collaborate/{query}").content.decode()

    assert f'<option value="{selected}" selected>' in html


def test_it_writes_for_the_partners_organization_without_asking_its_name(cast):
    html = cast.client_for("partner").get("/collaborate/").content.decode()

    assert (
        "You are writing on behalf of <strong><bdi>Resilience Network (RN)</bdi></strong>" in html
    )
    assert 'name="organization_name"' not in html


def test_it_asks_a_first_contact_for_their_organization(cast):
    client = cast.client_for("verified")
    assert 'name="organization_name"' in client.get("/collaborate/").content.decode()

    response = client.post("/collaborate/", form_data(organization_name=""))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not CollaborationRequest.objects.exists()


def test_it_explains_why_an_unverified_account_cannot_send_yet(cast):
    response = cast.client_for("plain").get("/collaborate/")

    assert response.status_code == 403
    assert "confirm your email address" in response.content.decode()


def test_it_records_the_request_and_tells_the_reviewers(cast):
    response = cast.client_for("partner").post("/collaborate/", form_data(), follow=True)

    request = CollaborationRequest.objects.get()
    assert request.organization == cast.partner.organization
    assert request.project == cast.pilot
    assert request.kind == "technical_expertise"
    assert request.status == CollaborationStatus.SUBMITTED
    assert "Your request is sent" in response.content.decode()
    told = Notification.objects.filter(verb="collaboration_new_request")
    assert set(told.values_list("recipient", flat=True)) == {cast.staff.pk, cast.superuser.pk}
    assert told.first().url == f"/collaborate/{request.pk}/"


def test_it_renders_the_message_as_sanitised_markdown(cast):
    cast.client_for("partner").post(
        "/collaborate/", form_data(message="**bold** <script>alert(1)</script>")
    )
    request = CollaborationRequest.objects.get()

    html = cast.client_for("staff").get(f"/collaborate/{request.pk}/").content.decode()

    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)</script>" not in html
