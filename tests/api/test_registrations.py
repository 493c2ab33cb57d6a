"""Signed-in people register for events (a waitlist when full) and cancel only their own."""

import pytest

from events.models import Registration
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


def test_it_refuses_a_second_registration_and_unknown_events(cast):
    EventFactory(slug="webinar")
    client = cast.client_for("plain")
    client.post("/api/v1/registrations/", {"event": "webinar"})

    twice = client.post("/api/v1/registrations/", {"event": "webinar"})
    unknown = client.post("/api/v1/registrations/", {"event": "no-such-event"})

    assert twice.status_code == 400
    assert "already registered" in error_of(twice)["fields"]["event"][0]
    assert unknown.status_code == 400
    assert Registration.objects.count() == 1


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
