"""The admin shows a collaboration request's conversation and history, and never moves its status."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.roles import UN_STAFF
from projects import collaboration_services as services
from projects.models import CollaborationMessage, CollaborationStatus, CollaborationStatusChange
from tests.factories import CollaborationRequestFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation():
    """A request sent through the service, taken up by staff, with two messages."""
    staff = UserFactory(roles=[UN_STAFF], name="Amara Okafor", email="amara@example.org")
    request = CollaborationRequestFactory(
        requester=UserFactory(email="daniel@example.org", name="Daniel Otieno"),
        organization=None,
        organization_name="Flood Lab",
    )
    services.collaboration_request_start_review(request=request, actor=staff, note="On it.")
    CollaborationMessage.objects.create(
        request=request, author=request.requester, body="Our early-warning plan is attached."
    )
    CollaborationMessage.objects.create(
        request=request,
        author=staff,
        body="Thank you, we read it.",
        attachment=SimpleUploadedFile("abc123.pdf", b"%PDF-1.4 plan"),
        attachment_name="work-plan.pdf",
    )
    request.refresh_from_db()
    return request


def change_url(request):
    return reverse("admin:projects_collaborationrequest_change", args=[request.pk])


def test_it_shows_the_messages_and_the_status_history_on_the_change_page(
    admin_client, conversation
):
    response = admin_client.get(change_url(conversation))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Our early-warning plan is attached." in page
    assert "Thank you, we read it." in page
    assert "Daniel Otieno" in page and "Amara Okafor" in page
    message = conversation.messages.get(attachment_name="work-plan.pdf")
    assert f'href="/collaborate/{conversation.pk}/messages/{message.pk}/attachment/"' in page
    assert ">work-plan.pdf</a>" in page
    history = page[page.index("Status history") :]
    assert "Submitted" in history and "Under review" in history and "On it." in history
    # Neither the messages nor the history can be edited or deleted from here.
    assert 'name="messages-0-body"' not in page
    assert 'name="status_changes-0-to_status"' not in page
    assert "messages-0-DELETE" not in page


def test_it_shows_the_status_as_read_only_and_says_where_to_change_it(admin_client, conversation):
    page = admin_client.get(change_url(conversation)).content.decode()

    assert 'name="status"' not in page
    assert "Read-only here" in page
    assert f'href="/collaborate/{conversation.pk}/"' in page


def test_it_ignores_a_status_posted_through_the_admin(admin_client, conversation):
    data = {
        "kind": conversation.kind,
        "message": conversation.message,
        "contact_preferences": "",
        "requester": conversation.requester.pk,
        "organization": "",
        "organization_name": "Flood Lab",
        "project": conversation.project.pk,
        "cluster": "",
        "city": "",
        "assigned_to": conversation.assigned_to.pk,
        "status": CollaborationStatus.ACCEPTED,
        "decided_at_0": "2026-01-01",
        "decided_at_1": "10:00:00",
    }
    for prefix, rows in (("status_changes", 1), ("messages", 2)):
        data |= {
            f"{prefix}-TOTAL_FORMS": rows,
            f"{prefix}-INITIAL_FORMS": rows,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }

    response = admin_client.post(change_url(conversation), data)

    # The form was saved (other fields stay editable); only the status did not move.
    assert response.status_code == 302, response.context["adminform"].form.errors
    conversation.refresh_from_db()
    assert conversation.status == CollaborationStatus.UNDER_REVIEW
    assert conversation.decided_at is None
    assert CollaborationStatusChange.objects.filter(request=conversation).count() == 1
    assert conversation.messages.count() == 2


def test_it_filters_by_age_and_finds_requests_by_organization_and_email(admin_client):
    old = CollaborationRequestFactory(organization=OrganizationFactory(name="Resilience Network"))
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=60))
    new = CollaborationRequestFactory(
        requester=UserFactory(email="fresh@example.org"),
        organization=None,
        organization_name="Flood Lab",
    )
    changelist = reverse("admin:projects_collaborationrequest_changelist")

    def found(query):
        response = admin_client.get(changelist, query)
        assert response.status_code == 200
        return set(response.context["cl"].result_list)

    assert found({"age": "older"}) == {old}
    assert found({"age": "week"}) == {new}
    assert found({"q": "Resilience"}) == {old}
    assert found({"q": "fresh@example.org"}) == {new}
    page = admin_client.get(changelist).content.decode()
    assert re.search(r"By\s+age", page)


def _admin_form_data(request, **changes):
    data = {
        "kind": request.kind,
        "message": request.message,
        "contact_preferences": "",
        "requester": request.requester.pk,
        "organization": "",
        "organization_name": request.organization_name,
        "project": request.project.pk,
        "cluster": "",
        "city": "",
        "assigned_to": request.assigned_to.pk if request.assigned_to else "",
    }
    for prefix, rows in (("status_changes", request.status_changes.count()), ("messages", 0)):
        data |= {
            f"{prefix}-TOTAL_FORMS": rows,
            f"{prefix}-INITIAL_FORMS": rows,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    return data | changes


def test_it_refuses_to_assign_a_request_to_someone_who_is_not_un_staff(admin_client, conversation):
    partner = UserFactory(email="someone@example.org")
    conversation.messages.all().delete()

    response = admin_client.post(
        change_url(conversation), _admin_form_data(conversation, assigned_to=partner.pk)
    )

    assert response.status_code == 200
    assert "Only UN staff can handle collaboration requests." in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.assigned_to.email == "amara@example.org"


def test_it_sends_staff_to_the_form_instead_of_adding_requests_by_hand(admin_client):
    response = admin_client.get(reverse("admin:projects_collaborationrequest_add"))

    assert response.status_code == 403
