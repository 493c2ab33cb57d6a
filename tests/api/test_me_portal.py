"""/api/v1/me/portal/: My portal's data, per person and per role, at a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import RegistrationStatus
from projects.models import CollaborationStatus
from tests.api.conftest import ROLES, error_of
from tests.factories import (
    CertificateFactory,
    CollaborationRequestFactory,
    EventFactory,
    NotificationFactory,
    ProjectFactory,
    RegistrationFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/portal/"


def test_it_asks_anonymous_visitors_to_authenticate(api):
    response = api.get(URL)

    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"


@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_its_own_parts_only(cast, role):
    request = CollaborationRequestFactory(
        requester=cast.partner, status=CollaborationStatus.UNDER_REVIEW
    )

    response = cast.client_for(role).get(URL)

    if role == "anonymous":
        assert response.status_code == 401
        return
    body = response.json()
    assert response.status_code == 200
    own = [row["id"] for row in body["collaboration_requests"]]
    assert own == ([request.pk] if role == "partner" else [])
    assert (body["staff"] is not None) == (role == "staff")
    if role == "staff":
        assert [row["id"] for row in body["staff"]["collaboration_waiting"]] == [request.pk]
    if role in ("official", "other_official"):
        city = cast.city if role == "official" else cast.other_city
        assert body["city"]["city"] == city.slug
        gaps = {gap["key"]: gap["edit_url"] for gap in body["city"]["gaps"]}
        assert gaps["photo"] == f"http://testserver/cities/{city.slug}/edit/#id_photo"
    else:
        assert body["city"] is None


def test_it_lists_registrations_with_waitlist_position_join_and_calendar_links(cast):
    user = cast.plain
    online = EventFactory(slug="early-warning", online_url="https://meet.example.org/ew")
    RegistrationFactory(user=user, event=online)
    full = EventFactory(capacity=1)
    RegistrationFactory(event=full)
    RegistrationFactory(
        user=user, event=full, status=RegistrationStatus.WAITLISTED, waitlisted_at=timezone.now()
    )
    past = EventFactory(starts_at=timezone.now() - dt.timedelta(days=40))
    RegistrationFactory(user=user, event=past, status=RegistrationStatus.ATTENDED)
    CertificateFactory(user=user)
    SubscriptionFactory(user=user, delivery="weekly")
    NotificationFactory(recipient=user, title="NDRCC visit published")

    body = cast.client_for("plain").get(URL).json()

    seat, waiting = body["upcoming_registrations"]
    assert seat["event"]["slug"] == "early-warning"
    assert seat["join_url"] == "https://meet.example.org/ew"
    assert seat["ical_url"] == "http://testserver/events/early-warning/event.ics"
    assert seat["waitlist_position"] is None
    assert waiting["waitlist_position"] == 1
    assert waiting["join_url"] is None
    assert [row["event"]["slug"] for row in body["past_attendance"]] == [past.slug]
    assert len(body["certificates"]) == 1
    assert body["follows"][0]["delivery"] == "weekly"
    assert body["follows"][0]["target"]["type"] == "cluster"
    assert [row["title"] for row in body["unread_notifications"]] == ["NDRCC visit published"]


def _fill(cast, count):
    for _ in range(count):
        RegistrationFactory(user=cast.staff, event=EventFactory())
        CollaborationRequestFactory(
            requester=cast.staff, organization_name="UNOSSC", project=ProjectFactory()
        )
        SubscriptionFactory(user=cast.staff)
        NotificationFactory(recipient=cast.staff)
        CertificateFactory(user=cast.staff)
        EventFactory(starts_at=timezone.now() + dt.timedelta(days=1))


def test_it_costs_the_same_queries_for_few_or_many_items(cast):
    client = cast.client_for("staff")

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL).status_code == 200
        return len(context)

    queries()  # force_authenticate keeps one user object: its roles are read once, then cached
    _fill(cast, 2)
    small = queries()
    _fill(cast, 12)

    assert queries() == small
