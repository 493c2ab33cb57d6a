"""Uploaded files in a backup: read from, and restored to, the disk or the bucket.

The archive (media.tar.gz) has one layout wherever the files live: `media/` holds the public files
(MEDIA_ROOT, or the bucket's public/ prefix) and `private-media/` the private ones
(PRIVATE_MEDIA_ROOT, or private/). So a backup taken on disk restores into a bucket and the other
way round: that is also how a deployment moves its files into object storage.
"""

import mimetypes
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from core.media_storage_config import (  # noqa: E402 (after the path it is found on)
    PRIVATE_PREFIX,
    PUBLIC_PREFIX,
    BucketConfig,
    bucket_config,
)

# Archive folder -> bucket prefix.
TREES = {"media": PUBLIC_PREFIX, "private-media": PRIVATE_PREFIX}


def local_roots(environ) -> dict[str, Path]:
    return {
        "media": Path(environ.get("MEDIA_ROOT") or REPO_ROOT / "var/media"),
        "private-media": Path(environ.get("PRIVATE_MEDIA_ROOT") or REPO_ROOT / "var/private-media"),
    }


def describe(environ) -> str:
    config = bucket_config(environ)
    if config:
        return f"s3://{config.bucket}"
    return ", ".join(str(root) for root in local_roots(environ).values())


def s3_client(config: BucketConfig, environ):
    import boto3
    from botocore.config import Config

    addressing = {"addressing_style": config.addressing_style} if config.addressing_style else {}
    return boto3.client(
        "s3",
        config=Config(s3=addressing),
        # Unset: boto3's own chain (an instance role, ~/.aws) finds them.
        aws_access_key_id=environ.get("AWS_ACCESS_KEY_ID") or None,
        aws_secret_access_key=environ.get("AWS_SECRET_ACCESS_KEY") or None,
        **config.client_options(),
    )


def _bucket_keys(client, bucket: str, prefix: str):
    for page in client.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix=f"{prefix}/"
    ):
        yield from page.get("Contents", [])


def media_archive_write(archive_path: Path, *, environ) -> None:
    config = bucket_config(environ)
    with tarfile.open(archive_path, "w:gz") as archive:
        if config is None:
            for tree, root in local_roots(environ).items():
                if root.exists():
                    archive.add(root, arcname=tree)
            return
        client = s3_client(config, environ)
        for tree, prefix in TREES.items():
            for item in _bucket_keys(client, config.bucket, prefix):
                info = tarfile.TarInfo(f"{tree}/{item['Key'][len(prefix) + 1 :]}")
                info.size = item["Size"]
                info.mtime = item["LastModified"].timestamp()
                body = client.get_object(Bucket=config.bucket, Key=item["Key"])["Body"]
                archive.addfile(info, body)


def media_archive_restore(archive_path: Path, *, environ) -> None:
    """Replace the files with the archive's: files added since the backup do not linger."""
    config = bucket_config(environ)
    with tempfile.TemporaryDirectory() as unpacked, tarfile.open(archive_path) as archive:
        archive.extractall(unpacked, filter="data")
        trees = {tree: Path(unpacked) / tree for tree in TREES}
        present = {tree: folder for tree, folder in trees.items() if folder.is_dir()}
        if config is None:
            roots = local_roots(environ)
            for tree, folder in present.items():
                if roots[tree].exists():
                    shutil.rmtree(roots[tree])
                roots[tree].parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(folder, roots[tree])
            return
        client = s3_client(config, environ)
        for tree, folder in present.items():
            _bucket_replace(client, config, prefix=TREES[tree], folder=folder)


def _bucket_replace(client, config: BucketConfig, *, prefix: str, folder: Path) -> None:
    public = prefix == PUBLIC_PREFIX
    acl = (config.public_acl or None) if public else "private"
    cache_control = "public, max-age=86400" if public else "private, no-store"
    wanted = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        key = f"{prefix}/{path.relative_to(folder).as_posix()}"
        wanted.add(key)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        extra = {"CacheControl": cache_control, "ContentType": content_type}
        if acl:
            extra["ACL"] = acl
        client.upload_file(str(path), config.bucket, key, ExtraArgs=extra)
    stray = [item["Key"] for item in _bucket_keys(client, config.bucket, prefix)]
    stray = [key for key in stray if key not in wanted]
    for start in range(0, len(stray), 1000):
        client.delete_objects(
            Bucket=config.bucket,
            Delete={"Objects": [{"Key": key} for key in stray[start : start + 1000]]},
        )
