"""Requester and staff talk on the request; files pass the portal's upload checks."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from notifications.models import Notification
from projects.models import CollaborationMessage
from tests.factories import CollaborationRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def post(client, request, **data):
    return client.post(f"/collaborate/{request.pk}/messages/", data, follow=True)


def test_it_threads_messages_and_tells_the_other_side(cast):
    request = CollaborationRequestFactory(requester=cast.partner, assigned_to=cast.staff)

    post(cast.client_for("partner"), request, body="Here is our **plan**.")
    post(cast.client_for("staff"), request, body="Thank you.")

    html = cast.client_for("partner").get(f"/collaborate/{request.pk}/").content.decode()
    assert html.index("<strong>plan</strong>") < html.index("Thank you.")
    assert (
        Notification.objects.filter(recipient=cast.staff, verb="collaboration_message").count() == 1
    )
    assert (
        Notification.objects.filter(recipient=cast.partner, verb="collaboration_message").count()
        == 1
    )


def test_a_pdf_with_a_long_name_is_accepted_under_its_name_cut_short(cast):
    # The name is cut to 200 characters; the extension is read before, from the whole name.
    request = CollaborationRequestFactory(requester=cast.partner)
    name = "plan " * 46 + ".pdf"
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")

    post(cast.client_for("partner"), request, body="Attached.", attachment=upload)

    assert CollaborationMessage.objects.get().attachment_name == name[:200]


def test_it_stores_an_accepted_pdf_under_a_generated_name_for_both_sides(cast):
    request = CollaborationRequestFactory(requester=cast.partner)
    upload = SimpleUploadedFile("../../our plan.pdf", PDF, content_type="application/pdf")

    post(cast.client_for("partner"), request, body="Attached.", attachment=upload)

    message = CollaborationMessage.objects.get()
    assert message.attachment_name == "our plan.pdf"
    stored = message.attachment.name.rsplit("/", 1)[-1]
    assert stored.endswith(".pdf") and "plan" not in stored
    assert message.attachment.name.startswith(f"collaboration/{request.pk}/")
    url = f"/collaborate/{request.pk}/messages/{message.pk}/attachment/"
    download = cast.client_for("staff").get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="our plan.pdf"' in download["Content-Disposition"]
    assert cast.client_for("other_partner").get(url).status_code == 404


def test_it_reencodes_an_image(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    post(
        cast.client_for("partner"),
        request,
        attachment=SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png"),
    )

    assert CollaborationMessage.objects.get().attachment_name == "photo.png"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("tool.exe", b"MZ\x90\x00", "Attach a PDF, an Office document or an image"),
        ("fake.pdf", b"<html>not a pdf</html>", "is not a .pdf document"),
        ("photo.png", b"not an image", "not an image we can read"),
    ],
)
def test_it_refuses_files_that_are_not_documents_or_images(cast, name, content, reason):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = post(
        cast.client_for("partner"),
        request,
        body="See file.",
        attachment=SimpleUploadedFile(name, content),
    )

    assert reason in response.content.decode()
    assert not CollaborationMessage.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(cast, settings):
    settings.MAX_UPLOAD_MB = 1
    request = CollaborationRequestFactory(requester=cast.partner)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))

    response = post(cast.client_for("partner"), request, attachment=big)

    assert "the largest accepted is 1.0" in response.content.decode()
    assert not CollaborationMessage.objects.exists()


def test_it_refuses_an_empty_message(cast):
    request = CollaborationRequestFactory(requester=cast.partner)

    response = post(cast.client_for("partner"), request, body="   ")

    assert "Write a message or attach a file." in response.content.decode()
    assert not CollaborationMessage.objects.exists()
