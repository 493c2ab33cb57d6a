"""`make backup` and `make restore` carry the bucket's files too (moto's S3 server on 127.0.0.1):
public files stay public, private ones private, and a restore replaces what the bucket held."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.scale.test_object_storage import anyone_may_read

REPO = Path(__file__).resolve().parents[2]


def ops_media():
    spec = importlib.util.spec_from_file_location("ops_media", REPO / "ops" / "media.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bucket_environment(s3_server, bucket) -> dict:
    return {
        **s3_server.credentials_environment(),
        "MEDIA_STORAGE_URL": f"s3://{bucket}?endpoint_url={s3_server.endpoint_url}"
        "&region_name=us-east-1",
    }


def fill(s3, bucket):
    s3.put_object(
        Bucket=bucket, Key="public/resources/2026/01/plan.pdf", Body=b"%PDF plan", ACL="public-read"
    )
    s3.put_object(
        Bucket=bucket, Key="private/collaboration/4/terms.pdf", Body=b"%PDF terms", ACL="private"
    )


def test_it_restores_a_buckets_files_into_another_bucket_and_onto_disk(s3_server, tmp_path):
    media = ops_media()
    s3 = s3_server.client()
    source, target = s3_server.new_bucket(), s3_server.new_bucket()
    fill(s3, source)
    s3.put_object(Bucket=target, Key="public/resources/stray.pdf", Body=b"added after the backup")
    archive = tmp_path / "media.tar.gz"

    media.media_archive_write(archive, environ=bucket_environment(s3_server, source))
    media.media_archive_restore(archive, environ=bucket_environment(s3_server, target))

    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=target)["Contents"]}
    assert keys == {"public/resources/2026/01/plan.pdf", "private/collaboration/4/terms.pdf"}
    assert (
        s3.get_object(Bucket=target, Key="private/collaboration/4/terms.pdf")["Body"].read()
        == b"%PDF terms"
    )
    assert anyone_may_read(s3, target, "public/resources/2026/01/plan.pdf")
    assert not anyone_may_read(s3, target, "private/collaboration/4/terms.pdf")

    # The same archive restores onto disk: the way files move between disk and bucket.
    on_disk = {
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    media.media_archive_restore(archive, environ=on_disk)
    assert (tmp_path / "media/resources/2026/01/plan.pdf").read_bytes() == b"%PDF plan"
    assert (tmp_path / "private/collaboration/4/terms.pdf").read_bytes() == b"%PDF terms"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_make_backup_and_restore_carry_the_bucket(s3_server, tmp_path):
    from tests.ops.test_backup_restore import database_url, drop_database, query

    s3 = s3_server.client()
    source, target = s3_server.new_bucket(), s3_server.new_bucket()
    fill(s3, source)
    restored_db = f"cities_restore_{target[-12:]}"

    def run(script, *args, bucket, db):
        env = {
            **os.environ,
            **bucket_environment(s3_server, bucket),
            "DATABASE_URL": database_url(db),
        }
        result = subprocess.run(
            [sys.executable, str(REPO / "ops" / script), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip().splitlines()[-1]

    try:
        folder = run(
            "backup.py",
            "--dest",
            str(tmp_path),
            bucket=source,
            db=settings.DATABASES["default"]["NAME"],
        )
        run("restore.py", folder, bucket=target, db=restored_db)

        assert query(restored_db, "SELECT count(*) FROM django_migrations")[0][0] > 0
        assert (
            s3.get_object(Bucket=target, Key="public/resources/2026/01/plan.pdf")["Body"].read()
            == b"%PDF plan"
        )
        assert not anyone_may_read(s3, target, "private/collaboration/4/terms.pdf")
    finally:
        drop_database(restored_db)
