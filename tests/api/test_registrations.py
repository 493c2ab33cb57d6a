"""Signed-in people register for events (a waitlist when full) and cancel only their own."""

import pytest
from django.core import mail

from events.models import Registration
from notifications.models import Notification
from tests.api.conftest import ROLES, error_of
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_it_registers_any_signed_in_person_and_refuses_anonymous(cast, role):
    EventFactory(slug="webinar")

    response = cast.client_for(role).post(
        "/api/v1/registrations/", {"event": "webinar"}, format="json"
    )

    if role == "anonymous":
        assert response.status_code == 401
        assert not Registration.objects.exists()
    else:
        assert response.status_code == 201
        assert response.json()["status"] == "registered"
        assert Registration.objects.get().user == getattr(cast, role)


def test_it_waitlists_when_the_event_is_full_and_promotes_on_cancel(cast):
    event = EventFactory(slug="small-room", capacity=1)
    first = cast.client_for("plain").post("/api/v1/registrations/", {"event": "small-room"})
    second = cast.client_for("partner").post("/api/v1/registrations/", {"event": "small-room"})

    assert first.json()["status"] == "registered"
    assert second.json()["status"] == "waitlisted"

    cancel = cast.client_for("plain").delete(f"/api/v1/registrations/{first.json()['id']}/")

    assert cancel.status_code == 204
    assert Registration.objects.get(event=event, user=cast.partner).status == "registered"


def test_it_answers_a_repeated_registration_with_the_existing_one_and_no_second_email(
    cast, django_capture_on_commit_callbacks
):
    event = EventFactory(slug="webinar")
    client = cast.client_for("plain")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/api/v1/registrations/", {"event": "webinar"})
        twice = client.post("/api/v1/registrations/", {"event": "webinar"})

    assert first.status_code == 201
    assert twice.status_code == 200
    assert twice.json() == first.json()
    assert Registration.objects.get().event == event
    assert [message.to for message in mail.outbox] == [[cast.plain.email]]
    assert Notification.objects.filter(recipient=cast.plain).count() == 1


def test_it_answers_a_repeated_waitlist_request_with_the_same_place(cast):
    EventFactory(slug="small-room", capacity=1)
    cast.client_for("plain").post("/api/v1/registrations/", {"event": "small-room"})
    client = cast.client_for("partner")
    first = client.post("/api/v1/registrations/", {"event": "small-room"})

    twice = client.post("/api/v1/registrations/", {"event": "small-room"})

    assert (first.status_code, twice.status_code) == (201, 200)
    assert twice.json()["status"] == "waitlisted"
    assert twice.json()["id"] == first.json()["id"]


def test_it_registers_again_after_a_cancellation_as_the_event_page_does(cast):
    EventFactory(slug="webinar")
    client = cast.client_for("plain")
    first = client.post("/api/v1/registrations/", {"event": "webinar"})
    assert client.delete(f"/api/v1/registrations/{first.json()['id']}/").status_code == 204

    again = client.post("/api/v1/registrations/", {"event": "webinar"})

    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["status"] == "registered"


def test_it_refuses_an_unknown_event(cast):
    response = cast.client_for("plain").post("/api/v1/registrations/", {"event": "no-such-event"})

    assert response.status_code == 400
    assert error_of(response)["fields"]["event"]
    assert not Registration.objects.exists()


def test_it_refuses_to_cancel_twice_with_the_services_reason(cast):
    mine = RegistrationFactory(user=cast.plain)
    client = cast.client_for("plain")
    assert client.delete(f"/api/v1/registrations/{mine.pk}/").status_code == 204

    twice = client.delete(f"/api/v1/registrations/{mine.pk}/")

    assert twice.status_code == 400
    assert error_of(twice)["fields"]["non_field_errors"] == [
        "You are not registered for this event."
    ]
    mine.refresh_from_db()
    assert mine.status == "cancelled"


def test_it_shows_and_cancels_only_one_s_own_registrations(cast):
    someone_else = RegistrationFactory(user=UserFactory())
    mine = RegistrationFactory(user=cast.plain)
    client = cast.client_for("plain")

    listing = client.get("/api/v1/registrations/")
    cancel_other = client.delete(f"/api/v1/registrations/{someone_else.pk}/")

    assert [item["id"] for item in listing.json()["results"]] == [mine.pk]
    assert cancel_other.status_code == 404
    someone_else.refresh_from_db()
    assert someone_else.status == "registered"
