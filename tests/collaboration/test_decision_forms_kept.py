"""A decline is final and tells the requester: it needs its box ticked, and a decision the page
cannot take comes back with what was typed, nothing decided."""

import re

import pytest

from projects.models import CollaborationStatus
from tests.collaboration.test_message_form_kept import field_block
from tests.factories import CityFactory, CollaborationRequestFactory

pytestmark = pytest.mark.django_db

NOTE = "Thank you; the pilot has all the partners it can take this year."


def staff_decides(cast, action, data, **request_fields):
    request = CollaborationRequestFactory(
        requester=cast.partner, status=CollaborationStatus.UNDER_REVIEW, **request_fields
    )
    response = cast.client_for("staff").post(f"/collaborate/{request.pk}/{action}/", data)
    request.refresh_from_db()
    return request, response


def test_an_unconfirmed_decline_decides_nothing_and_keeps_the_note(cast):
    request, response = staff_decides(cast, "decline", {"decline-note": NOTE})

    assert response.status_code == 400
    assert request.status == CollaborationStatus.UNDER_REVIEW
    assert not request.status_changes.exists()
    html = response.content.decode()
    assert f"{NOTE}</textarea>" in field_block(html, "decline-note")
    assert "Tick the box to confirm that the request is declined." in field_block(
        html, "decline-confirm"
    )
    # The form posts to its own anchor, so the page comes back scrolled to the error.
    assert f'action="/collaborate/{request.pk}/decline/#decline-heading"' in html
    assert 'id="decline-heading"' in html


def test_a_confirmed_decline_is_told_with_its_note(cast):
    request, response = staff_decides(
        cast, "decline", {"decline-note": NOTE, "decline-confirm": "on"}
    )

    assert response.status_code == 302
    assert request.status == CollaborationStatus.DECLINED
    assert request.status_changes.get().note == NOTE


def test_a_note_too_long_is_kept_rather_than_dropped_from_the_decline(cast):
    # Before, the note was dropped and the request declined without it.
    long_note = "x" * 2001

    request, response = staff_decides(
        cast, "decline", {"decline-note": long_note, "decline-confirm": "on"}
    )

    assert response.status_code == 400
    assert request.status == CollaborationStatus.UNDER_REVIEW
    assert f"{long_note}</textarea>" in response.content.decode()


def test_an_acceptance_the_page_cannot_read_keeps_the_note_and_says_why(cast):
    request, response = staff_decides(
        cast, "accept", {"accept-note": NOTE, "accept-outcome": "no-such-outcome"}
    )

    assert response.status_code == 400
    assert request.status == CollaborationStatus.UNDER_REVIEW
    html = response.content.decode()
    assert f"{NOTE}</textarea>" in field_block(html, "accept-note")
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    ("sent", "field", "error"),
    [
        (
            {"accept-outcome": "join_project", "accept-partner_role": "implementing"},
            "accept-project",
            "Choose the pilot the organization joins.",
        ),
        (
            {"accept-outcome": "new_pilot", "accept-new_pilot_title": "   "},
            "accept-new_pilot_title",
            "Give the new pilot a title, or choose an existing pilot.",
        ),
    ],
)
def test_an_acceptance_missing_its_pilot_says_so_beside_it_and_keeps_the_rest(
    cast, sent, field, error
):
    # A request about a city, so no pilot of its own to join by default.
    request, response = staff_decides(
        cast, "accept", {"accept-note": NOTE, **sent}, project=None, city=CityFactory()
    )

    assert response.status_code == 400
    assert request.status == CollaborationStatus.UNDER_REVIEW
    assert not request.status_changes.exists()
    html = response.content.decode()
    assert error in field_block(html, field)
    assert f"{NOTE}</textarea>" in field_block(html, "accept-note")
    chosen = re.search(
        r'<input type="radio" name="accept-outcome" value="([a-z_]+)"[^>]*checked', html
    )
    assert chosen.group(1) == sent["accept-outcome"]


def test_the_arabic_page_asks_for_the_confirmation_in_arabic(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner, status=CollaborationStatus.UNDER_REVIEW
    )

    html = cast.client_for("staff").get(f"/ar/collaborate/{request.pk}/").content.decode()

    assert 'name="decline-confirm"' in html
    assert "Yes, decline this request" not in html


def test_the_accept_form_says_when_each_pilot_field_is_needed_not_optional(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner, status=CollaborationStatus.UNDER_REVIEW
    )

    html = cast.client_for("staff").get(f"/collaborate/{request.pk}/").content.decode()

    # Each of these is needed by one outcome; "(optional)" told staff they could leave it empty.
    for field, condition in [
        ("accept-project", "(to join a pilot other than the request's, or to use an existing "),
        ("accept-partner_role", "(needed to join a pilot)"),
        ("accept-new_pilot_title", "(for a new pilot, unless it exists already)"),
    ]:
        label = field_block(html, field)
        assert condition in label.replace("&#x27;", "'")
        assert "(optional)" not in label
    assert "(optional)" in field_block(html, "accept-note")
