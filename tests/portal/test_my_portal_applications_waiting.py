"""UN staff see on My portal how many applications to fellowships, calls and exchanges wait for
a decision, next to the other things they review; no one else sees the count."""

import pytest
from django.test import Client

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from opportunities.models import ApplicationStatus
from tests.factories import ApplicationFactory, CityFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("official", "partner", "other_partner", "staff")


@pytest.fixture
def people():
    city = CityFactory(slug="tripoli", name="Tripoli")
    return {
        "official": UserFactory(roles=[CITY_OFFICIAL], city=city),
        "partner": UserFactory(roles=[PARTNER]),
        "other_partner": UserFactory(roles=[PARTNER]),
        "staff": UserFactory(roles=[UN_STAFF]),
    }


@pytest.mark.parametrize("role", ROLES)
def test_staff_see_the_applications_waiting_for_a_decision(people, role):
    ApplicationFactory(applicant=people["partner"])  # submitted
    ApplicationFactory(status=ApplicationStatus.UNDER_REVIEW)
    ApplicationFactory(status=ApplicationStatus.ACCEPTED)  # decided: not waiting
    ApplicationFactory(status=ApplicationStatus.WITHDRAWN)
    client = Client()
    client.force_login(people[role])

    text = client.get("/me/").text
    body = client.get("/api/v1/me/portal/").json()

    link = '<a href="/opportunities/applications/review/">Applications to review</a>: '
    if role == "staff":
        assert link + "<strong>2</strong>" in text
        assert body["staff"]["applications_waiting"] == 2
    else:
        assert link not in text
        assert body["staff"] is None
