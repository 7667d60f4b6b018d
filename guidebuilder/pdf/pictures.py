"""Logos in the handbook: an SVG drawn as vectors (with svglib), any other image as itself."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image

from guidebuilder.brand.model import Picture

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


def _scaled(picture: Picture, width: float, height: float) -> Drawing:
    vector = _vector(picture)
    assert vector is not None, "only SVG pictures are scaled"
    drawing = copy.deepcopy(vector)
    drawing.scale(width / drawing.width, height / drawing.height)
    drawing.width, drawing.height = width, height
    return drawing


def fitted_size(picture: Picture, max_width: float, max_height: float) -> tuple[float, float]:
    """The picture's size scaled to fit ``max_width`` x ``max_height``."""
    natural_width, natural_height = size(picture)
    scale = min(max_width / natural_width, max_height / natural_height)
    return natural_width * scale, natural_height * scale


def picture_flowable(picture: Picture, max_width: float, max_height: float) -> Flowable:
    """The picture as a left-aligned flowable no larger than ``max_width`` x ``max_height``."""
    width, height = fitted_size(picture, max_width, max_height)
    if _vector(picture) is not None:
        drawing = _scaled(picture, width, height)
        drawing.hAlign = "LEFT"
        return drawing
    image = Image(str(picture.raster), width, height)
    image.hAlign = "LEFT"
    return image


def draw_picture(canvas: Canvas, picture: Picture, x: float, y: float, width: float, height: float) -> None:
    """Draw the picture with its lower left corner at ``x``, ``y``."""
    if _vector(picture) is not None:
        from reportlab.graphics import renderPDF

        renderPDF.draw(_scaled(picture, width, height), canvas, x, y)
    else:
        canvas.drawImage(ImageReader(str(picture.raster)), x, y, width, height, mask="auto")
