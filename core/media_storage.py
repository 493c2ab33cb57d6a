"""Private files: stored where no public address reaches them, handed out after a permission check.

Public uploads (resource documents and images) use Django's default storage: MEDIA_ROOT, or the
bucket's `public/` prefix. Private ones (collaboration attachments) use `private_storage`:
PRIVATE_MEDIA_ROOT on disk, or the bucket's `private/` prefix with a private ACL. A view that has
checked the visitor's permission answers with `private_file_response`: a redirect to a signed
address valid for MEDIA_PRIVATE_URL_SECONDS when the file is in a bucket (the web node does not
carry the bytes), the file streamed through the portal when it is on disk.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header


class _PrivateStorage(LazyObject):
    """STORAGES["private"], looked up on first use and again after the setting changes (tests)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        _private_storage._wrapped = empty


def private_storage():
    """The storage of private files; a FileField takes this callable (migrations name it)."""
    return _private_storage


class PrivateFileSystemStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT, read on each use (tests point it elsewhere); no URL serves it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address; use private_file_response().")


def private_file_response(file, *, filename: str, content_type: str):
    """Hand a private file to someone the caller has checked may have it, as a download."""
    storage = file.storage
    if getattr(storage, "querystring_auth", False):
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
            },
            expire=settings.MEDIA_PRIVATE_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
        # The signed address is for this person, now: no cache may keep or share it.
        add_never_cache_headers(response)
        response["Cache-Control"] += ", private"
        return response
    return FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
