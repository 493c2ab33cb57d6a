#!/usr/bin/env python3
"""Back up the database named by DATABASE_URL (pg_dump -Fc) and the uploaded files (a tar, from
MEDIA_ROOT and PRIVATE_MEDIA_ROOT, or from the bucket MEDIA_STORAGE_URL names) into
var/backups/<timestamp>/ (or BACKUP_DIR). Prints the folder it wrote.

    make backup                      # uses DATABASE_URL and the media settings from the environment
    python ops/backup.py --dest /srv/backups
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from media import describe, media_archive_write
from pg import libpq_environment

REPO_ROOT = Path(__file__).resolve().parent.parent


def backup(*, database_url: str, dest_root: Path, environ=os.environ) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = dest_root / stamp
    dest.mkdir(parents=True, exist_ok=False)
    env, dbname = libpq_environment(database_url)
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(dest / "database.dump"), dbname],
        env=env,
        check=True,
    )
    media_archive_write(dest / "media.tar.gz", environ=environ)
    (dest / "manifest.json").write_text(
        json.dumps({"created": stamp, "database": dbname, "media": describe(environ)}, indent=2)
    )
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dest", type=Path, default=Path(os.environ.get("BACKUP_DIR", REPO_ROOT / "var/backups"))
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("make backup needs DATABASE_URL pointing at PostgreSQL.", file=sys.stderr)
        return 2
    dest = backup(database_url=database_url, dest_root=args.dest)
    print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
