import pytest

from tests.factories import CityOfficialFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_links_everyone_to_their_requests_and_certificates(client):
    client.force_login(UserFactory())

    page = client.get("/accounts/profile/").text

    assert 'href="/collaborate/mine/"' in page
    assert 'href="/certificates/mine/"' in page
    assert 'href="/editor/"' not in page
    assert 'href="/editor/proposals/"' not in page


def test_it_links_a_city_official_to_their_proposals(client):
    client.force_login(CityOfficialFactory())

    assert 'href="/editor/proposals/"' in client.get("/accounts/profile/").text


def test_it_links_staff_to_the_editors_desk_and_the_review_queue(client):
    client.force_login(StaffUserFactory())

    page = client.get("/accounts/profile/").text

    assert 'href="/editor/"' in page
    assert 'href="/collaborate/review/"' in page
