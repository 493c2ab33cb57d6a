"""Uploads: documents by content and extension, images re-encoded, sizes capped, names replaced."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from resources.models import Resource

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _image(fmt="PNG", size=(40, 30), mode="RGB", **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def _post(client, **files):
    data = {"kind": "toolkit", "title": "Flood toolkit", "language": "en", **files}
    return client.post(reverse("resources:create"), data)


def test_it_stores_a_pdf_under_a_generated_name(editor_client):
    upload = SimpleUploadedFile("../../etc/passwd.pdf", PDF, content_type="application/pdf")

    response = _post(editor_client, file=upload)

    assert response.status_code == 302
    stored = Resource.objects.get().file.name
    assert stored.startswith("resources/")
    assert ".." not in stored and "passwd" not in stored and "etc" not in stored
    assert stored.endswith(".pdf")


def test_it_accepts_an_office_document(editor_client):
    upload = SimpleUploadedFile("plan.docx", _docx(), content_type="application/octet-stream")

    assert _post(editor_client, file=upload).status_code == 302
    assert Resource.objects.get().file.name.endswith(".docx")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.exe", b"MZ\x90\x00 not a document"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>"),
        ("fake.docx", PDF),
        ("archive.pdf", b"PK\x03\x04 broken zip"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ],
)
def test_it_refuses_what_is_not_a_pdf_or_office_document(editor_client, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = _post(editor_client, file=upload)

    assert response.status_code == 400
    assert "field-error" in response.content.decode()
    assert not Resource.objects.exists()


def test_it_refuses_a_file_over_the_configured_size(editor_client, settings):
    settings.MAX_UPLOAD_MB = 1
    upload = SimpleUploadedFile(
        "big.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf"
    )

    response = _post(editor_client, file=upload)

    assert response.status_code == 400
    assert "the largest accepted is 1.0" in response.content.decode()
    assert not Resource.objects.exists()


def test_it_re_encodes_images_without_their_metadata(editor_client):
    exif = Image.Exif()
    exif[0x010F] = "Secret camera maker"
    raw = _image("JPEG", exif=exif.tobytes())
    upload = SimpleUploadedFile("holiday.jpg", raw, content_type="image/jpeg")

    response = _post(editor_client, image=upload)

    assert response.status_code == 302
    resource = Resource.objects.get()
    stored = resource.image.read()
    assert stored != raw
    assert b"Secret camera maker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
    assert "holiday" not in resource.image.name


def test_it_keeps_transparency_as_png(editor_client):
    upload = SimpleUploadedFile("logo.gif", _image("PNG", mode="RGBA"), content_type="image/gif")

    assert _post(editor_client, image=upload).status_code == 302
    assert Resource.objects.get().image.name.endswith(".png")


def test_it_refuses_an_image_bomb(editor_client):
    # A tiny PNG that claims to be 30,000 x 30,000 pixels (900 megapixels) once decoded.
    upload = SimpleUploadedFile(
        "bomb.png", _image("PNG", size=(30_000, 30_000), mode="1"), content_type="image/png"
    )

    response = _post(editor_client, image=upload)

    assert response.status_code == 400
    assert "pixels" in response.content.decode()
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", PDF),
        ("photo.png", b"\x89PNG\r\n\x1a\n truncated"),
        ("vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_it_refuses_what_is_not_an_image(editor_client, name, content):
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    response = _post(editor_client, image=upload)

    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_it_refuses_a_bad_upload_from_a_city_official_too(client_for):
    client = client_for("official_here")
    upload = SimpleUploadedFile("x.pdf", b"<script>", content_type="application/pdf")

    response = client.post(
        reverse("resources:propose"),
        {"kind": "good_practice", "title": "Practice", "language": "en", "file": upload},
    )

    assert response.status_code == 400
    assert not Resource.objects.exists()
