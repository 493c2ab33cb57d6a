"""A refusal explains itself: the portal's 403 page says why and what to do next."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_visitor_refused_a_staff_page_is_told_why_and_how_to_ask_for_a_role(client):
    client.force_login(UserFactory())

    response = client.get("/accounts/role-requests/")

    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot open this page" in page
    assert "Only UN staff review role requests." in page
    assert 'href="/accounts/profile/role-request/"' in page
    # The site's own layout, not the browser's bare "403 Forbidden".
    assert "<nav" in page
