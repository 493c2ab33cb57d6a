"""Where uploaded files live, read from the environment: the settings and `make backup` share it.

No Django import here: ops/backup.py and ops/restore.py use it without setting Django up.

Without configuration files stay on the local disk: public ones (resource documents and images)
under MEDIA_ROOT, private ones (collaboration attachments) under PRIVATE_MEDIA_ROOT, which no URL
serves. With MEDIA_STORAGE_URL (or AWS_STORAGE_BUCKET_NAME) they go to one S3-compatible bucket:
public files under `public/`, readable by anyone (the bucket, or a CDN in front of it, serves
them), private files under `private/`, never readable without a signature the portal hands out
after its permission check.

    MEDIA_STORAGE_URL=s3://portal-media?endpoint_url=https://s3.example.org&region_name=eu-west-1
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

PUBLIC_PREFIX = "public"
PRIVATE_PREFIX = "private"
# Query parameters of MEDIA_STORAGE_URL, and the AWS_* variables that give the same defaults.
URL_OPTIONS = {
    "endpoint_url": "AWS_S3_ENDPOINT_URL",
    "region_name": "AWS_S3_REGION_NAME",
    "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
    "addressing_style": "AWS_S3_ADDRESSING_STYLE",
}
ADDRESSING_STYLES = {"auto", "path", "virtual"}


class MediaStorageConfigError(ValueError):
    pass


@dataclass(frozen=True)
class BucketConfig:
    bucket: str
    endpoint_url: str = ""
    region_name: str = ""
    # A CDN (or the bucket's own website name) that serves the public files: "media.example.org".
    custom_domain: str = ""
    addressing_style: str = ""
    # The ACL public files get; empty for buckets with ACLs disabled (a bucket policy on public/*
    # then makes them readable, see docs/deployment.md).
    public_acl: str = "public-read"

    def client_options(self) -> dict:
        """Keyword arguments for boto3.client("s3", ...)."""
        options = {}
        if self.endpoint_url:
            options["endpoint_url"] = self.endpoint_url
        if self.region_name:
            options["region_name"] = self.region_name
        return options

    def public_origins(self) -> list[str]:
        """Where browsers fetch public files from, as Content-Security-Policy sources."""
        if self.custom_domain:
            return [f"https://{self.custom_domain}"]
        if self.endpoint_url:
            parts = urlsplit(self.endpoint_url)
            origin = f"{parts.scheme}://{parts.netloc}"
            if self.addressing_style == "path":
                return [origin]
            # boto3 picks path style for an IP address or a name that is not a valid host label.
            return [origin, f"{parts.scheme}://{self.bucket}.{parts.netloc}"]
        regional = [f"https://{self.bucket}.s3.{self.region_name}.amazonaws.com"]
        return [f"https://{self.bucket}.s3.amazonaws.com", *(regional if self.region_name else [])]


def bucket_config(environ) -> BucketConfig | None:
    """The bucket MEDIA_STORAGE_URL or AWS_STORAGE_BUCKET_NAME names, or None for local files.

    `environ` is a mapping of variable names to strings (os.environ). The URL's query
    parameters win over the AWS_* variables.
    """
    url = environ.get("MEDIA_STORAGE_URL", "").strip()
    options = {name: environ.get(variable, "").strip() for name, variable in URL_OPTIONS.items()}
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.hostname or parts.path.strip("/"):
            raise MediaStorageConfigError(
                f"MEDIA_STORAGE_URL must look like s3://bucket?endpoint_url=..., not {url!r}."
            )
        bucket = parts.netloc
        for name, value in parse_qsl(parts.query):
            if name not in URL_OPTIONS:
                raise MediaStorageConfigError(
                    f"MEDIA_STORAGE_URL has an unknown option {name!r}; known: "
                    + ", ".join(sorted(URL_OPTIONS))
                )
            options[name] = value
    if not bucket:
        return None
    if options["addressing_style"] and options["addressing_style"] not in ADDRESSING_STYLES:
        raise MediaStorageConfigError(
            f"addressing_style must be one of {sorted(ADDRESSING_STYLES)}, "
            f"not {options['addressing_style']!r}."
        )
    return BucketConfig(
        bucket=bucket,
        public_acl=environ.get("MEDIA_PUBLIC_ACL", "public-read").strip(),
        **options,
    )


def storages_for(config: BucketConfig | None, *, private_url_seconds: int) -> dict:
    """The "default" (public) and "private" entries of Django's STORAGES setting."""
    if config is None:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": "core.media_storage.PrivateFileSystemStorage"},
        }
    shared = {
        "bucket_name": config.bucket,
        "endpoint_url": config.endpoint_url or None,
        "region_name": config.region_name or None,
        "addressing_style": config.addressing_style or None,
        # Names are generated (core/uploads.py); an existing key is never replaced.
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **shared,
                "location": PUBLIC_PREFIX,
                "default_acl": config.public_acl or None,
                "querystring_auth": False,
                "custom_domain": config.custom_domain or None,
                # Stored names never change content, so browsers and a CDN may keep them.
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **shared,
                "location": PRIVATE_PREFIX,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": private_url_seconds,
                # Never a CDN: a signed address must reach the bucket, and a CDN could keep it.
                "custom_domain": None,
                "object_parameters": {"CacheControl": "private, no-store"},
            },
        },
    }
