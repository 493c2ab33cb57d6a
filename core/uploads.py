"""Checks for files people upload: documents by content and extension, images re-encoded.

What the browser says about a file (its name, its content type) is not trusted: documents are
recognised by their first bytes, images are decoded and written afresh by Pillow (which drops
metadata and anything hidden after the pixels), and every stored file gets a generated name.
"""

import io
import os
import uuid
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# A photo from a good phone is ~50 megapixels; a "bomb" claims far more than it weighs.
MAX_IMAGE_PIXELS = 60_000_000
ACCEPTED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}

PDF_EXTENSIONS = {".pdf"}
OOXML_EXTENSIONS = {".docx", ".xlsx", ".pptx"}
OLE_EXTENSIONS = {".doc", ".xls", ".ppt"}
ODF_EXTENSIONS = {".odt", ".ods", ".odp"}
DOCUMENT_EXTENSIONS = PDF_EXTENSIONS | OOXML_EXTENSIONS | OLE_EXTENSIONS | ODF_EXTENSIONS

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def _check_size(upload):
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_upload_bytes()),
            },
            code="too_large",
        )


def _extension(name: str) -> str:
    return os.path.splitext(os.path.basename(name or ""))[1].lower()


def _sniffed_family(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_SIGNATURE):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "[Content_Types].xml" in names:
                    return "ooxml"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    return "odf"
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


FAMILY_EXTENSIONS = {
    "pdf": PDF_EXTENSIONS,
    "ooxml": OOXML_EXTENSIONS,
    "ole": OLE_EXTENSIONS,
    "odf": ODF_EXTENSIONS,
}


def clean_document(upload):
    """A PDF or Office document, renamed; raises ValidationError with a reason a person can act on."""
    _check_size(upload)
    extension = _extension(upload.name)
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Upload a PDF or an Office document (%(types)s)."),
            params={"types": ", ".join(sorted(DOCUMENT_EXTENSIONS))},
            code="bad_extension",
        )
    family = _sniffed_family(upload)
    if family is None or extension not in FAMILY_EXTENSIONS[family]:
        raise ValidationError(
            _("The file's content is not a %(extension)s document."),
            params={"extension": extension},
            code="bad_content",
        )
    upload.name = f"{uuid.uuid4().hex}{extension}"
    return upload


def clean_image(upload):
    """Decode and re-encode an image (JPEG, or PNG when it has transparency) under a new name."""
    _check_size(upload)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                if probe.format not in ACCEPTED_IMAGE_FORMATS:
                    raise ValidationError(
                        _("Upload a JPEG, PNG, GIF or WebP image."), code="bad_image_type"
                    )
                if probe.width * probe.height > MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _("The image is too large (%(width)s × %(height)s pixels)."),
                        params={"width": probe.width, "height": probe.height},
                        code="too_many_pixels",
                    )
                probe.seek(0)
                image = probe.convert("RGBA") if _has_alpha(probe) else probe.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image claims more pixels than we accept."), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The file is not an image we can read."), code="bad_image"
        ) from None
    finally:
        upload.seek(0)
    output = io.BytesIO()
    if image.mode == "RGBA":
        image.save(output, format="PNG", optimize=True)
        extension = ".png"
    else:
        image.save(output, format="JPEG", quality=88, optimize=True)
        extension = ".jpg"
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}{extension}")


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
