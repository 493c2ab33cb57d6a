#!/usr/bin/env python3
"""Restore a backup folder written by ops/backup.py: pg_restore --clean --if-exists into the
database named by DATABASE_URL (created if missing) and the uploaded files back where the settings
keep them now: MEDIA_ROOT and PRIVATE_MEDIA_ROOT, or the bucket MEDIA_STORAGE_URL names.

    make restore BACKUP=var/backups/20260101T030000Z
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from media import media_archive_restore
from pg import libpq_environment


def ensure_database(env: dict, dbname: str) -> None:
    created = subprocess.run(["createdb", dbname], env=env, capture_output=True, text=True)
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise SystemExit(f"createdb {dbname} failed: {created.stderr.strip()}")


def restore(*, source: Path, database_url: str, environ=os.environ) -> None:
    dump = source / "database.dump"
    if not dump.is_file():
        raise SystemExit(f"{dump} is missing: not a backup folder.")
    env, dbname = libpq_environment(database_url)
    ensure_database(env, dbname)
    subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            dbname,
            str(dump),
        ],
        env=env,
        check=True,
    )
    media_archive = source / "media.tar.gz"
    if media_archive.is_file():
        media_archive_restore(media_archive, environ=environ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backup", type=Path, help="a folder under var/backups/")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("make restore needs DATABASE_URL pointing at PostgreSQL.", file=sys.stderr)
        return 2
    restore(source=args.backup, database_url=database_url)
    print(f"restored {args.backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
