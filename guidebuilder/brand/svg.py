"""SVG logos checked before any renderer sees them: their size, shape and element count within
limits, and a copy that reads no file but itself (references to other files removed)."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

MAX_PIXELS = 25_000_000  # a bitmap logo, or the PNG made from an SVG one
MAX_ASPECT = 20.0  # the longer side at most 20 times the shorter
MAX_ELEMENTS = 20_000  # an SVG's elements: each is drawn in every running header
MAX_SVG_BYTES = 20_000_000  # an SVG, unpacked from .svgz
RENDER_WIDTH = 1000  # the width in pixels of the PNG made from an SVG
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54,
          "in": 96.0, "em": 16.0, "ex": 8.0}
_LENGTH = re.compile(r"^\s*([+-]?(?:[0-9]*\.)?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([a-z]*)\s*$")


class SvgError(Exception):
    """The image cannot be used as a logo; the message says why."""


@dataclass(frozen=True)
class Inspected:
    """What checking an SVG found: its size in pixels and the references to other files."""

    width: float
    height: float
    external: tuple[str, ...]


def looks_like_svg(data: bytes) -> bool:
    return data.lstrip()[:5] in (b"<?xml", b"<svg ") or data[:2] == b"\x1f\x8b"


def check_size(width: float, height: float) -> None:
    """Refuse an image whose pixel count or aspect ratio is beyond the limits."""
    if width <= 0 or height <= 0:
        raise SvgError("has no width or height")
    ratio = max(width / height, height / width)
    if ratio > MAX_ASPECT:
        raise SvgError(f"has an aspect ratio of {ratio:,.0f}:1, more than the "
                       f"{MAX_ASPECT:.0f}:1 a logo may have")
    if width * height > MAX_PIXELS:
        raise SvgError(f"has more than {MAX_PIXELS:,} pixels")


def inspect(data: bytes) -> Inspected:
    """Check the SVG ``data`` within the limits (raising :class:`SvgError`) before it is
    drawn, and list its references to other files."""
    from lxml import etree

    root = _parse(data)
    count = sum(1 for _ in root.iter(etree.Element))
    if count > MAX_ELEMENTS:
        raise SvgError(f"has {count:,} elements, more than the {MAX_ELEMENTS:,} a logo may have")
    width, height = _size(root)
    check_size(width, height)
    check_size(RENDER_WIDTH, RENDER_WIDTH * height / width)
    return Inspected(width, height, tuple(_href(e) for e in _external(root)))


def self_contained(data: bytes) -> bytes:
    """The SVG without the elements that refer to other files (``data:`` URIs and references
    inside the document are kept); ``data`` itself when it has none and is plain UTF-8."""
    from lxml import etree

    root = _parse(data)
    removed = _external(root)
    for element in removed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    if not removed and data[:2] != b"\x1f\x8b":
        try:
            data.decode("utf-8")
            return data
        except UnicodeDecodeError:
            pass
    return bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))


def _parse(data: bytes) -> etree._Element:
    """The root of the SVG ``data`` (gzip-packed too), parsed without fetching anything and
    with entities inside the document only."""
    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = unpacker.decompress(data, MAX_SVG_BYTES + 1)
        except zlib.error:
            raise SvgError("is not a readable .svgz file") from None
        if len(data) > MAX_SVG_BYTES:
            raise SvgError(f"unpacks to more than {MAX_SVG_BYTES // 1_000_000} MB")
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SvgError(f"is not an SVG that can be drawn ({exc})") from None
    if root is None or etree.QName(root).localname != "svg":
        raise SvgError("is not an SVG image")
    return root


def _length(value: str | None) -> float | None:
    """A length in pixels; None when missing, relative (%) or not a length."""
    match = _LENGTH.match(value or "")
    if not match or match[2] not in _UNITS:
        return None
    return float(match[1]) * _UNITS[match[2]]


def _size(root: etree._Element) -> tuple[float, float]:
    """The size the SVG is drawn at, as renderers take it: ``width`` and ``height``, a missing
    one from the ``viewBox`` shape, else 100 x 100 pixels. An extreme viewBox is refused too."""
    numbers = re.split(r"[\s,]+", (root.get("viewBox") or "").strip())
    box: tuple[float, float] | None = None
    if len(numbers) == 4:
        try:
            box = float(numbers[2]), float(numbers[3])
        except ValueError:
            box = None
    if box is not None:
        check_size(*box)
    width, height = _length(root.get("width")), _length(root.get("height"))
    if box is not None:
        if width is None and height is None:
            width, height = box
        elif width is None and height is not None:
            width = height * box[0] / box[1]
        elif height is None and width is not None:
            height = width * box[1] / box[0]
    return (100.0 if width is None else width), (100.0 if height is None else height)


def _href(element: etree._Element) -> str:
    return str(element.get("href") or element.get(_XLINK_HREF) or "").strip()


def _external(root: etree._Element) -> list[etree._Element]:
    """The elements that would read another file: an image, use, filter image, … whose
    reference is neither inside the document (``#…``) nor a ``data:`` URI. Links are kept:
    they are never followed while drawing."""
    from lxml import etree

    found = []
    for element in root.iter(etree.Element):
        reference = _href(element)
        if (reference and not reference.startswith("#")
                and not reference.lower().startswith("data:")
                and etree.QName(element).localname != "a"):
            found.append(element)
    return found
