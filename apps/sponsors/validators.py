"""Upload checks for logos, assets and contracts: type by content, size, dimensions, no scripts in SVG."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
RASTER_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
MIN_WEB_LOGO_WIDTH = 200

# Anything in an SVG that can run code or pull other documents in.
SVG_ACTIVE_CONTENT = re.compile(
    rb"<\s*script|<\s*foreignObject|<\s*iframe|<\s*embed|<\s*object|\son[a-z]+\s*=|javascript:|<!ENTITY",
    re.IGNORECASE,
)


def _read(upload, limit):
    if upload.size is not None and upload.size > limit:
        raise ValidationError(_("The file is too large (at most %(mb)d MB).") % {"mb": limit // (1024 * 1024)})
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    return data


def is_svg(data):
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and b"<svg" in data[:4096].lower() or head.startswith(b"<svg")


def validate_svg(data):
    if not is_svg(data):
        raise ValidationError(_("This is not an SVG image."))
    if SVG_ACTIVE_CONTENT.search(data):
        raise ValidationError(_("SVG images with scripts, event handlers or embedded documents are not accepted."))


def image_size(upload):
    """(format, width, height) of a raster image upload; ValidationError if it is not one."""
    try:
        with Image.open(upload) as image:
            image.verify()
            fmt = image.format
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("Upload a PNG, JPEG, WebP or GIF image.")) from error
    finally:
        upload.seek(0)
    if fmt not in RASTER_FORMATS:
        raise ValidationError(_("Upload a PNG, JPEG, WebP or GIF image."))
    return fmt, width, height


def validate_image_dimensions(upload, min_width=None, max_width=None, min_height=None, max_height=None):
    _read(upload, MAX_IMAGE_BYTES)
    _fmt, width, height = image_size(upload)
    problems = []
    if min_width and width < min_width:
        problems.append(_("at least %(n)d px wide") % {"n": min_width})
    if max_width and width > max_width:
        problems.append(_("at most %(n)d px wide") % {"n": max_width})
    if min_height and height < min_height:
        problems.append(_("at least %(n)d px high") % {"n": min_height})
    if max_height and height > max_height:
        problems.append(_("at most %(n)d px high") % {"n": max_height})
    if problems:
        raise ValidationError(
            _("The image is %(w)d × %(h)d px; it must be %(rules)s.")
            % {"w": width, "h": height, "rules": ", ".join(problems)}
        )


def validate_web_logo(upload):
    """Web logo: a raster image at least 200 px wide, or a script-free SVG."""
    data = _read(upload, MAX_IMAGE_BYTES)
    if upload.name.lower().endswith(".svg") or is_svg(data):
        validate_svg(data)
        return
    validate_image_dimensions(upload, min_width=MIN_WEB_LOGO_WIDTH)


def validate_print_logo(upload):
    """Print logo: a vector file (script-free SVG, EPS or PDF)."""
    data = _read(upload, MAX_DOCUMENT_BYTES)
    name = upload.name.lower()
    if name.endswith(".svg") or is_svg(data):
        validate_svg(data)
    elif data.startswith(b"%PDF-") or data.startswith(b"%!PS-Adobe") or data.startswith(b"\xc5\xd0\xd3\xc6"):
        return
    else:
        raise ValidationError(_("Upload the print logo as SVG, EPS or PDF."))


def validate_document_upload(upload):
    """Files the PSF shares with sponsors: PDF, ZIP, image or plain text, at most 20 MB."""
    data = _read(upload, MAX_DOCUMENT_BYTES)
    if is_svg(data):
        validate_svg(data)


def validate_signed_contract(upload):
    data = _read(upload, MAX_DOCUMENT_BYTES)
    if not data.startswith(b"%PDF-"):
        raise ValidationError(_("Upload the signed contract as a PDF."))
