"""The events list counts each event's taken seats (registered or attended), event by event."""

import pytest

from events.models import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_it_counts_the_seats_taken_of_each_event_in_the_list(api):
    busy = EventFactory(slug="busy", capacity=10)
    EventFactory(slug="quiet", capacity=10)
    for status in (
        RegistrationStatus.REGISTERED,
        RegistrationStatus.ATTENDED,
        RegistrationStatus.CANCELLED,
        RegistrationStatus.WAITLISTED,
    ):
        RegistrationFactory(event=busy, status=status)

    results = api.get("/api/v1/events/").json()["results"]

    assert {event["slug"]: event["seats_taken"] for event in results} == {"busy": 2, "quiet": 0}
