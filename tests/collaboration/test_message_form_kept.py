"""A refused message comes back on the request's page: the text kept, the reason by the field."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.collaboration_forms import DecisionNoteForm, MessageForm
from projects.collaboration_services import ATTACHMENT_EXTENSIONS
from projects.models import CollaborationMessage
from tests.factories import CollaborationRequestFactory

pytestmark = pytest.mark.django_db


def field_block(html, name):
    """The markup of one field as the portal's renderer draws it (label, hint, error, control)."""
    match = re.search(
        rf'<div class="form-field[^"]*">(?:(?!<div class="form-field).)*?name="{name}".*?</div>',
        html,
        re.S,
    )
    assert match, f"no field {name}"
    return match.group(0)


def test_a_refused_attachment_keeps_the_message_and_shows_why_beside_the_file(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = cast.client_for("partner").post(
        f"/collaborate/{request.pk}/messages/",
        {
            "body": "Our volunteers map the flood zones.",
            "attachment": SimpleUploadedFile("tool.exe", b"MZ\x90\x00"),
        },
    )

    assert response.status_code == 400
    html = response.content.decode()
    body = field_block(html, "body")
    assert "Our volunteers map the flood zones.</textarea>" in body
    attachment = field_block(html, "attachment")
    assert 'class="field-error" id="id_attachment_error"' in attachment
    assert "Attach a PDF, an Office document or an image" in attachment
    assert 'aria-invalid="true"' in attachment
    # The page's error summary links to the field; no banner on a redirected page.
    assert 'href="#id_attachment"' in html
    assert 'class="messages"' not in html
    assert not CollaborationMessage.objects.exists()


def partner_writes(cast, data):
    """The partner sends `data` as a message on their own request; the request and the answer."""
    request = CollaborationRequestFactory(requester=cast.partner)
    return request, cast.client_for("partner").post(f"/collaborate/{request.pk}/messages/", data)


def test_a_message_with_neither_text_nor_file_is_answered_on_the_page(cast):
    _request, response = partner_writes(cast, {"body": "   "})

    assert response.status_code == 400
    assert "Write a message or attach a file." in response.content.decode()
    assert not CollaborationMessage.objects.exists()


def test_a_message_too_long_is_told_so_and_nothing_else(cast):
    _request, response = partner_writes(cast, {"body": "x" * 6000})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Ensure this value has at most 5000 characters (it has 6000)." in field_block(
        html, "body"
    )
    assert "Write a message or attach a file." not in html
    assert not CollaborationMessage.objects.exists()


def test_a_sent_message_still_goes_back_to_the_conversation(cast):
    request, response = partner_writes(cast, {"body": "Hello."})

    assert response.status_code == 302
    assert response["Location"] == f"/collaborate/{request.pk}/#conversation"
    assert CollaborationMessage.objects.get().body == "Hello."


def test_the_file_hint_and_the_refusal_name_the_same_types():
    hint = str(MessageForm().fields["attachment"].help_text)

    for extension in ATTACHMENT_EXTENSIONS:
        assert extension in hint
    assert ".jpg" in hint and ".pdf" in hint and ".docx" in hint


def test_it_refuses_a_file_the_hint_does_not_name(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = cast.client_for("partner").post(
        f"/collaborate/{request.pk}/messages/",
        {"body": "See file.", "attachment": SimpleUploadedFile("notes.txt", b"plain text")},
    )

    error = field_block(response.content.decode(), "attachment")
    hint = str(MessageForm().fields["attachment"].help_text)
    types = hint[hint.index("(") + 1 : hint.index(")")]
    assert f"({types})" in error


@pytest.mark.parametrize(
    ("form", "field"), [(MessageForm(), "attachment"), (DecisionNoteForm(), "note")]
)
def test_optional_labels_say_optional_once(form, field):
    html = str(form[field].as_field_group())

    assert "(optional)" not in str(form.fields[field].label)
    assert html.count("(optional)") == 1


def test_the_arabic_page_says_optional_once(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    html = cast.client_for("partner").get(f"/ar/collaborate/{request.pk}/").content.decode()

    assert 'إرفاق ملف <span class="form-optional">(اختياري)</span></label>' in html
    assert "(اختياري) <span" not in html
