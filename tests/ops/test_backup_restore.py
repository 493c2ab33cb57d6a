"""`make backup` then `make restore` into an empty database brings the content and media back."""

import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO_ROOT = Path(__file__).resolve().parents[2]


def database_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


def run_script(script: str, *args: str, url: str, media: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(media.parent / f"private-{media.name}"),
    }
    for name in ("MEDIA_STORAGE_URL", "AWS_STORAGE_BUCKET_NAME"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "ops" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def query(url_name: str, sql: str) -> list[tuple]:
    db = settings.DATABASES["default"]
    connection = psycopg2.connect(
        dbname=url_name,
        user=db.get("USER") or "postgres",
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or "127.0.0.1",
        port=db.get("PORT") or 5432,
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def drop_database(name: str) -> None:
    connection = psycopg2.connect(dbname="postgres", **_server())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        connection.close()


def _server() -> dict:
    db = settings.DATABASES["default"]
    return {
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
    }


def test_it_restores_a_backup_into_an_empty_database(tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    media = tmp_path / "media"
    (media / "resources").mkdir(parents=True)
    (media / "resources" / "flood-plan.pdf").write_bytes(b"%PDF-1.4 Tripoli flood plan")
    (tmp_path / "private-media" / "collaboration" / "7").mkdir(parents=True)
    (tmp_path / "private-media" / "collaboration" / "7" / "terms.pdf").write_bytes(b"%PDF private")
    source_db = settings.DATABASES["default"]["NAME"]
    restored_db = f"cities_restore_{uuid.uuid4().hex[:8]}"

    try:
        backed_up = run_script(
            "backup.py",
            "--dest",
            str(tmp_path / "backups"),
            url=database_url(source_db),
            media=media,
        )
        folder = Path(backed_up.stdout.strip().splitlines()[-1])
        assert (folder / "database.dump").stat().st_size > 0

        restored_media = tmp_path / "restored-media"
        run_script("restore.py", str(folder), url=database_url(restored_db), media=restored_media)

        projects = query(restored_db, "SELECT title FROM projects_project")
        cities = query(restored_db, "SELECT name FROM cities_city")
        assert any("Lebanon" in title for (title,) in projects)
        assert ("Tripoli",) in cities
        restored_file = restored_media / "resources" / "flood-plan.pdf"
        assert restored_file.read_bytes() == b"%PDF-1.4 Tripoli flood plan"
        restored_private = tmp_path / "private-restored-media" / "collaboration" / "7" / "terms.pdf"
        assert restored_private.read_bytes() == b"%PDF private"

        # Restoring again over the restored database (--clean --if-exists) also succeeds.
        run_script("restore.py", str(folder), url=database_url(restored_db), media=restored_media)
        assert ("Tripoli",) in query(restored_db, "SELECT name FROM cities_city")
    finally:
        drop_database(restored_db)
