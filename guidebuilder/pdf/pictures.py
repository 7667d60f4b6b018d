"""Logos in the handbook: an SVG drawn as vectors (with svglib, its text in embedded fonts,
once per document), any other image as itself."""

from __future__ import annotations

import copy
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image

from guidebuilder.brand.model import Picture
from guidebuilder.brand.plates import PADDING

LogoFonts = tuple[str, str]  # the registered (embedded) regular and bold fonts for SVG text

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas


@lru_cache(maxsize=8)
def _drawing(path: Path) -> Drawing | None:
    """The SVG at ``path`` as a reportlab Drawing, or None when svglib cannot read it."""
    import logging

    from svglib.svglib import svg2rlg

    logging.getLogger("svglib").setLevel(logging.ERROR)  # unsupported features are skipped
    try:
        drawing = svg2rlg(str(path))
    except Exception:  # svglib raises many kinds on SVG it does not support
        return None
    return drawing if drawing is not None and drawing.width and drawing.height else None


def _vector(picture: Picture) -> Drawing | None:
    return _drawing(picture.path) if picture.path.suffix.lower() in (".svg", ".svgz") else None


def size(picture: Picture) -> tuple[float, float]:
    """The picture's natural width and height (any unit: only the ratio matters)."""
    drawing = _vector(picture)
    if drawing is not None:
        return float(drawing.width), float(drawing.height)
    width, height = ImageReader(str(picture.raster)).getSize()
    return float(width), float(max(1, height))


def _scaled(picture: Picture, width: float, height: float, fonts: LogoFonts) -> Drawing:
    vector = _vector(picture)
    assert vector is not None, "only SVG pictures are scaled"
    drawing = copy.deepcopy(vector)
    _embed_text(drawing, fonts)
    drawing.initialFontName = fonts[0]  # type: ignore[attr-defined]  # else Helvetica
    drawing.scale(width / drawing.width, height / drawing.height)
    drawing.width, drawing.height = width, height
    return drawing


def _embed_text(node: object, fonts: LogoFonts) -> None:
    """Set the SVG's text in the brand's (embedded) fonts: svglib falls back to Helvetica,
    which a PDF does not embed, for any family it cannot find."""
    from reportlab.graphics.shapes import Group, String
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont

    if isinstance(node, String) and not isinstance(getFont(node.fontName), TTFont):
        bold = any(mark in node.fontName.lower() for mark in ("bold", "black", "heavy"))
        node.fontName = fonts[1] if bold else fonts[0]
    elif isinstance(node, Group):
        for child in node.contents:
            _embed_text(child, fonts)


def fitted_size(picture: Picture, max_width: float, max_height: float) -> tuple[float, float]:
    """The picture's size scaled to fit ``max_width`` x ``max_height``."""
    natural_width, natural_height = size(picture)
    scale = min(max_width / natural_width, max_height / natural_height)
    return natural_width * scale, natural_height * scale


def picture_flowable(picture: Picture, max_width: float, max_height: float,
                     fonts: LogoFonts, plate: str | None = None) -> Flowable:
    """The picture as a left-aligned flowable no larger than ``max_width`` x ``max_height``;
    an SVG's text in ``fonts`` (regular, bold); on a ``plate`` of that colour, when given."""
    if plate is not None:
        return _Plated(picture, max_width, max_height, fonts, plate)
    width, height = fitted_size(picture, max_width, max_height)
    if _vector(picture) is not None:
        drawing = _scaled(picture, width, height, fonts)
        drawing.hAlign = "LEFT"
        return drawing
    image = Image(str(picture.raster), width, height)
    image.hAlign = "LEFT"
    return image


class _Plated(Flowable):
    """A picture on a plate: a rectangle of one colour, with a margin around the picture."""

    def __init__(self, picture: Picture, max_width: float, max_height: float,
                 fonts: LogoFonts, plate: str) -> None:
        super().__init__()
        self.picture, self.fonts, self.plate = picture, fonts, plate
        inner = fitted_size(picture, max_width / (1 + 2 * PADDING), max_height / (1 + 2 * PADDING))
        margin = PADDING * inner[1]
        self.width, self.height = inner[0] + 2 * margin, inner[1] + 2 * margin
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_picture(self.canv, self.picture, (0, 0, self.width, self.height), self.fonts,
                     self.plate)


def draw_picture(canvas: Canvas, picture: Picture, box: tuple[float, float, float, float],
                 fonts: LogoFonts, plate: str | None = None) -> None:
    """Draw the picture in ``box`` (x, y of its lower left corner, width, height); with
    ``plate``, on a rectangle of that colour filling the box, the picture centred within a
    margin. An SVG is drawn once per document, as a form that every later call reuses."""
    x, y, width, height = box
    if plate is not None:
        canvas.saveState()
        canvas.setFillColor(HexColor(plate))
        canvas.roundRect(x, y, width, height, min(width, height) * 0.15, stroke=0, fill=1)
        canvas.restoreState()
        margin = height * PADDING / (1 + 2 * PADDING)
        inner_width, inner_height = fitted_size(picture, width - 2 * margin, height - 2 * margin)
        x, y = x + (width - inner_width) / 2, y + (height - inner_height) / 2
        width, height = inner_width, inner_height
    if _vector(picture) is None:
        canvas.drawImage(ImageReader(str(picture.raster)), x, y, width, height, mask="auto")
        return
    from reportlab.graphics import renderPDF

    name = "logo" + hashlib.sha1(f"{picture.path}|{width:.3f}|{height:.3f}".encode()).hexdigest()[:12]
    if not canvas.hasForm(name):
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=width, uppery=height)
        renderPDF.draw(_scaled(picture, width, height, fonts), canvas, 0, 0)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()
