import pytest

from tests.factories import EventFactory, StaffUserFactory, TrainingSeriesFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_links_staff_to_an_events_registrations_and_statistics(client):
    event = EventFactory()
    client.force_login(StaffUserFactory())

    page = client.get(event.get_absolute_url()).text

    assert f"/events/{event.slug}/registrations/" in page
    assert f"/events/{event.slug}/statistics/" in page


def test_it_links_staff_to_a_series_statistics(client):
    series = TrainingSeriesFactory()
    client.force_login(StaffUserFactory())

    page = client.get(series.get_absolute_url()).text

    assert f"/events/series/{series.slug}/statistics/" in page


def test_it_shows_no_staff_links_to_visitors_or_participants(client):
    event = EventFactory()
    anonymous_page = client.get(event.get_absolute_url()).text
    client.force_login(UserFactory())
    participant_page = client.get(event.get_absolute_url()).text

    for page in (anonymous_page, participant_page):
        assert "/registrations/" not in page
        # The public /statistics/ of the footer is for everyone; the event's own is staff's.
        assert f"/events/{event.slug}/statistics/" not in page
