#!/usr/bin/env python3
"""Restore a backup folder written by ops/backup.py: pg_restore --clean --if-exists into the
database named by DATABASE_URL (created if missing) and the media tar into MEDIA_ROOT.

    make restore BACKUP=var/backups/20260101T030000Z
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pg import libpq_environment, media_root


def ensure_database(env: dict, dbname: str) -> None:
    created = subprocess.run(["createdb", dbname], env=env, capture_output=True, text=True)
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise SystemExit(f"createdb {dbname} failed: {created.stderr.strip()}")


def restore(*, source: Path, database_url: str, media: Path) -> None:
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
        with tempfile.TemporaryDirectory() as unpacked, tarfile.open(media_archive) as archive:
            archive.extractall(unpacked, filter="data")
            restored = Path(unpacked) / "media"
            if restored.exists():
                # Replace, not merge: files deleted since the backup must not linger.
                if media.exists():
                    shutil.rmtree(media)
                media.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(restored, media)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backup", type=Path, help="a folder under var/backups/")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("make restore needs DATABASE_URL pointing at PostgreSQL.", file=sys.stderr)
        return 2
    restore(source=args.backup, database_url=database_url, media=media_root())
    print(f"restored {args.backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
