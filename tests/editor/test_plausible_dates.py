"""Dates outside 1900-2999 are refused with a message, not saved to fail later: year 1 typed in
Beirut is year 0 in UTC, which no page could show, and month 9999-12 ends in year 10000."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.models import Event
from tests.factories import OpportunityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Enter a date between the years 1900 and 2999."


def _event(client, **times):
    return client.post(
        reverse("events:create"),
        {
            "title": "Year one workshop",
            "kind": "workshop",
            "format": "in_person",
            "time_zone": "Asia/Beirut",
            "starts_at": "2030-03-10T09:00",
            "ends_at": "2030-03-10T17:00",
            "languages": "en",
            "cohosts-TOTAL_FORMS": "0",
            "cohosts-INITIAL_FORMS": "0",
            **times,
        },
    )


@pytest.mark.parametrize(
    "times",
    [
        {"starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T01:00"},
        {"ends_at": "9999-12-31T23:59"},
        {"registration_closes_at": "0001-01-01T00:00"},
    ],
)
def test_the_event_editor_refuses_a_date_no_page_could_show(editor_client, times):
    response = _event(editor_client, **times)

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not Event.objects.exists()


def test_a_date_in_range_is_still_saved(editor_client):
    assert _event(editor_client, starts_at="1990-05-01T09:00").status_code == 302


@pytest.mark.parametrize("month", ["9999-12", "0001-01"])
@pytest.mark.parametrize("zone", ["UTC", "Asia/Beirut", "America/Lima"])
@pytest.mark.parametrize("page", ["/events/", "/events/past/"])
def test_the_events_month_filter_explains_a_month_out_of_range(client, page, zone, month):
    client.force_login(UserFactory(time_zone=zone))

    response = client.get(page, {"month": month})

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()


def test_the_api_refuses_a_month_out_of_range(client):
    response = client.get("/api/v1/events/", {"month": "9999-12"})

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["month"] == [MESSAGE]


def test_pilots_and_opportunities_refuse_such_dates_whoever_saves_them():
    project = ProjectFactory()
    project.start_date = project.start_date.replace(year=1)
    with pytest.raises(ValidationError, match="between the years 1900 and 2999"):
        project.full_clean()
    opportunity = OpportunityFactory()
    opportunity.deadline = opportunity.deadline.replace(year=9999)
    with pytest.raises(ValidationError, match="between the years 1900 and 2999"):
        opportunity.full_clean()
