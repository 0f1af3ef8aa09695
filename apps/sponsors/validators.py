"""Upload checks for logos, assets and contracts: type by content, size, dimensions, no scripts in SVG."""

import re
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
RASTER_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
MIN_WEB_LOGO_WIDTH = 200

# Anything in an SVG that can run code or pull other documents in, found before parsing (cheap, and catches
# what the parser drops: entity declarations, a DOCTYPE's internal subset, stylesheet processing instructions).
SVG_ACTIVE_CONTENT = re.compile(
    rb"<\s*script|<\s*foreignObject|<\s*iframe|<\s*embed|<\s*object|\son[a-z]+\s*=|javascript:|<!ENTITY"
    rb"|<!DOCTYPE[^>\[]*\[|<\?xml-stylesheet",
    re.IGNORECASE,
)
# Checked again on the parsed tree, where entities are decoded and namespaces resolved.
SVG_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "frame", "embed", "object", "handler", "listener",
                          "base", "link", "meta"}  # fmt: skip
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
SVG_SAFE_REFERENCE = re.compile(r"^(#|data:image/(png|jpeg|gif|webp);)", re.IGNORECASE)
SVG_ACTIVE_VALUE = re.compile(r"javascript:|vbscript:|data:text|@import|expression\(|url\((?!['\"]?#)")
SVG_REFUSED = gettext_lazy(
    "SVG images with scripts, event handlers, external references or embedded documents are not accepted."
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


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def _active_value(value):
    return SVG_ACTIVE_VALUE.search(re.sub(r"[\s\x00-\x1f]+", "", value).lower())


def validate_svg(data):
    """A script-free SVG: no active elements, no event handlers, references only inside the image."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not is_svg(data):
        raise ValidationError(_("This is not an SVG image."))
    if SVG_ACTIVE_CONTENT.search(data):
        raise ValidationError(SVG_REFUSED)
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - entity declarations refused above
    except ElementTree.ParseError as error:
        raise ValidationError(_("This SVG image cannot be read: it is not well-formed XML.")) from error
    if _local(root.tag) != "svg":
        raise ValidationError(_("This is not an SVG image."))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _local(element.tag) in SVG_FORBIDDEN_ELEMENTS or element.tag.startswith(f"{{{XHTML_NAMESPACE}}}"):
            raise ValidationError(SVG_REFUSED)
        if _local(element.tag) == "style" and _active_value("".join(element.itertext())):
            raise ValidationError(SVG_REFUSED)
        for name, value in element.attrib.items():
            local = _local(name)
            if local.startswith("on") or _active_value(value):
                raise ValidationError(SVG_REFUSED)
            if local in ("href", "src") and not SVG_SAFE_REFERENCE.match(value.strip()):
                raise ValidationError(SVG_REFUSED)


def image_size(upload):
    """(format, width, height) of a raster image upload; ValidationError if it is not one."""
    try:
        with Image.open(upload) as image:
            image.verify()
            fmt = image.format
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
    except Image.DecompressionBombError as error:
        raise ValidationError(_("The image has too many pixels to be a logo; upload a smaller one.")) from error
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
