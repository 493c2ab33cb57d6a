"""Uploaded files in an S3-compatible bucket (moto's S3 server on 127.0.0.1), and on the local disk
without configuration: public files readable by anyone, private ones only through the portal."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.media_storage import private_storage
from core.media_storage_config import MediaStorageConfigError, bucket_config
from core.roles import PARTNER, UN_STAFF
from projects.models import CollaborationMessage
from resources.models import Resource
from tests.factories import (
    CollaborationRequestFactory,
    OrganizationFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

REPO = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def signed_in(user) -> Client:
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    client = Client()
    client.force_login(user)
    return client


def send_attachment(client, request, content=PDF, name="our plan.pdf"):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(
        f"/collaborate/{request.pk}/messages/", {"body": "Attached.", "attachment": upload}
    )
    assert response.status_code == 302, response.content[:500]
    return CollaborationMessage.objects.get(request=request)


def anyone_may_read(s3, bucket, key) -> bool:
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


@pytest.fixture
def parties(db):
    partner = UserFactory(roles=[PARTNER], organization=OrganizationFactory())
    return {
        "request": CollaborationRequestFactory(requester=partner),
        "partner": partner,
        "staff": UserFactory(roles=[UN_STAFF]),
        "other_partner": UserFactory(roles=[PARTNER], organization=OrganizationFactory()),
    }


def test_it_keeps_private_files_off_the_public_media_folder_without_configuration(
    parties, settings
):
    message = send_attachment(signed_in(parties["partner"]), parties["request"])

    stored = Path(settings.PRIVATE_MEDIA_ROOT) / message.attachment.name
    assert stored.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / message.attachment.name).exists()
    with pytest.raises(ValueError, match="no public address"):
        message.attachment.url

    download = signed_in(parties["staff"]).get(
        f"/collaborate/{parties['request'].pk}/messages/{message.pk}/attachment/"
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_it_puts_an_editors_document_in_the_bucket_for_anyone_to_read(object_storage, s3_server):
    editor = signed_in(StaffUserFactory())
    upload = SimpleUploadedFile("flood plan.pdf", PDF, content_type="application/pdf")

    response = editor.post(
        reverse("resources:create"),
        {"kind": "toolkit", "title": "Flood toolkit", "language": "en", "file": upload},
    )

    assert response.status_code == 302
    resource = Resource.objects.get()
    key = f"public/{resource.file.name}"
    s3 = s3_server.client()
    assert s3.get_object(Bucket=object_storage.bucket, Key=key)["Body"].read() == PDF
    assert anyone_may_read(s3, object_storage.bucket, key)
    # The address on the page is the bucket's, unsigned: no portal node carries the bytes.
    url = resource.file.url
    assert url.startswith(f"{s3_server.endpoint_url}/{object_storage.bucket}/public/resources/")
    assert "Signature" not in url
    assert requests.get(url, timeout=5).content == PDF


def test_it_keeps_an_attachment_private_and_hands_it_out_only_after_the_permission_check(
    parties, object_storage, s3_server
):
    request = parties["request"]
    message = send_attachment(signed_in(parties["partner"]), request)
    key = f"private/{message.attachment.name}"
    s3 = s3_server.client()
    assert s3.get_object(Bucket=object_storage.bucket, Key=key)["Body"].read() == PDF
    assert not anyone_may_read(s3, object_storage.bucket, key)
    guessed = f"{s3_server.endpoint_url}/{object_storage.bucket}/{key}"
    assert requests.get(guessed, timeout=5).status_code == 403
    url = f"/collaborate/{request.pk}/messages/{message.pk}/attachment/"

    before = time.time()
    download = signed_in(parties["staff"]).get(url)

    assert download.status_code == 302
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]
    signed = download["Location"]
    query = parse_qs(urlsplit(signed).query)
    expires_at = int(query["Expires"][0]) if "Expires" in query else None
    if expires_at is None:  # signature version 4 says how long rather than until when
        expires_at = before + int(query["X-Amz-Expires"][0])
    assert expires_at <= before + 60 + 2
    fetched = requests.get(signed, timeout=5)
    assert fetched.content == PDF
    assert 'filename="our plan.pdf"' in fetched.headers["Content-Disposition"]
    assert signed_in(parties["other_partner"]).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_it_reads_and_deletes_bucket_files_through_the_same_storages(object_storage, s3_server):
    public_name = default_storage.save("resources/2026/01/a.pdf", ContentFile(PDF))
    private_name = private_storage().save("collaboration/1/b.pdf", ContentFile(b"secret"))

    assert default_storage.open(public_name).read() == PDF
    assert private_storage().open(private_name).read() == b"secret"
    private_storage().delete(private_name)
    assert not private_storage().exists(private_name)


def test_it_switches_to_the_bucket_with_media_storage_url_alone(s3_server, tmp_path):
    bucket = s3_server.new_bucket()
    script = (
        "from django.conf import settings\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "from core.media_storage import private_storage\n"
        "print(default_storage.save('resources/x.pdf', ContentFile(b'%PDF-1.4 public')))\n"
        "print(private_storage().save('collaboration/1/y.pdf', ContentFile(b'%PDF-1.4 private')))\n"
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))\n"
    )
    env = {
        **os.environ,
        **s3_server.credentials_environment(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MEDIA_STORAGE_URL": f"s3://{bucket}?endpoint_url={s3_server.endpoint_url}"
        "&region_name=us-east-1&addressing_style=path",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    public_name, private_name, img_src = result.stdout.strip().splitlines()[-3:]
    s3 = s3_server.client()
    assert (
        s3.get_object(Bucket=bucket, Key=f"public/{public_name}")["Body"].read().endswith(b"public")
    )
    assert (
        s3.get_object(Bucket=bucket, Key=f"private/{private_name}")["Body"]
        .read()
        .endswith(b"private")
    )
    assert anyone_may_read(s3, bucket, f"public/{public_name}")
    assert not anyone_may_read(s3, bucket, f"private/{private_name}")
    assert s3_server.endpoint_url in img_src.split()
    assert not list((tmp_path).rglob("*.pdf"))


@pytest.mark.parametrize(
    ("environ", "origins"),
    [
        (
            {"MEDIA_STORAGE_URL": "s3://media?custom_domain=cdn.example.org"},
            ["https://cdn.example.org"],
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_REGION_NAME": "eu-west-1"},
            ["https://media.s3.amazonaws.com", "https://media.s3.eu-west-1.amazonaws.com"],
        ),
        (
            {
                "MEDIA_STORAGE_URL": "s3://media?addressing_style=path",
                "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
            },
            ["https://objects.example.org"],
        ),
    ],
)
def test_it_allows_images_from_where_the_bucket_serves_them(environ, origins):
    assert bucket_config(environ).public_origins() == origins


def test_it_stays_on_the_local_disk_when_nothing_names_a_bucket():
    assert bucket_config({}) is None


@pytest.mark.parametrize(
    "url",
    ["https://media.example.org", "s3://", "s3://media/sub/folder", "s3://media?acl=public"],
)
def test_it_refuses_a_media_storage_url_it_cannot_use(url):
    with pytest.raises(MediaStorageConfigError):
        bucket_config({"MEDIA_STORAGE_URL": url})
