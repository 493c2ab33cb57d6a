"""User-written text keeps its own direction on pages of the other direction (dir="auto", <bdi>):
English on an Arabic page ends with its full stop on the right side."""

import pytest

from projects.models import CollaborationMessage, CollaborationStatusChange
from tests.factories import CollaborationRequestFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_request(cast):
    request = CollaborationRequestFactory(
        requester=cast.partner,
        project=ProjectFactory(title="Coastal flood early warning for African port cities"),
        message="We train volunteers.",
        contact_preferences="Email, in English.",
    )
    CollaborationMessage.objects.create(
        request=request, author=cast.partner, body="Thank you, volunteers."
    )
    return request


def test_the_request_page_lets_user_text_keep_its_direction(cast, english_request):
    html = cast.client_for("partner").get(f"/ar/collaborate/{english_request.pk}/").content.decode()

    assert (
        '<div dir="auto" class="collaboration-message"><p dir="auto">We train volunteers.</p>'
        in html
    )
    assert '<div class="prose" dir="auto"><p dir="auto">Thank you, volunteers.</p>' in html
    assert '<dd dir="auto">Email, in English.</dd>' in html
    assert ": <bdi>Coastal flood early warning for African port cities</bdi></h1>" in html


def test_a_history_note_keeps_its_direction(cast, english_request):
    CollaborationStatusChange.objects.create(
        request=english_request,
        from_status="submitted",
        to_status="under_review",
        actor=cast.staff,
        note="Looks promising.",
    )

    html = cast.client_for("partner").get(f"/ar/collaborate/{english_request.pk}/").content.decode()

    assert '<p dir="auto">Looks promising.</p>' in html
    assert "— <bdi>Amara Okafor</bdi>" in html


def test_the_lists_isolate_the_title_from_the_translated_kind(cast, english_request):
    title = "<bdi>Coastal flood early warning for African port cities</bdi></a>"

    mine = cast.client_for("partner").get("/ar/collaborate/mine/").content.decode()
    queue = cast.client_for("staff").get("/ar/collaborate/review/").content.decode()
    me = cast.client_for("partner").get("/ar/me/").content.decode()
    staff_me = cast.client_for("staff").get("/ar/me/").content.decode()

    for html in (mine, queue, me, staff_me):
        assert title in html


def test_the_new_request_form_isolates_the_organization_name(cast):
    html = cast.client_for("partner").get("/ar/collaborate/").content.decode()

    assert "<strong><bdi>Resilience Network (RN)</bdi></strong>" in html


def test_each_paragraph_and_bullet_of_a_message_takes_its_own_direction(cast):
    # An Arabic message with a bullet in English: as one right-to-left block, the bullet read
    # "SMS alerts," then ".24/7". Each block now sets its direction from its first letter.
    request = CollaborationRequestFactory(
        requester=cast.partner,
        message="نقترح تبادل الخبرات.\n\n- الإنذار المبكر عبر الراديو\n- Second point: SMS alerts, 24/7.",
    )

    html = cast.client_for("partner").get(f"/ar/collaborate/{request.pk}/").content.decode()

    assert '<p dir="auto">نقترح تبادل الخبرات.</p>' in html
    assert '<li dir="auto">الإنذار المبكر عبر الراديو</li>' in html
    assert '<li dir="auto">Second point: SMS alerts, 24/7.</li>' in html


def test_an_author_cannot_choose_a_blocks_direction():
    from core.templatetags.markdown import render_markdown

    html = render_markdown('<p dir="rtl" style="color:red">Text</p>')

    assert html == '<p dir="auto">Text</p>'
