"""Page geometry and the running header and footer ("Page N of M") drawn on every page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from guidebuilder.brand.glyphs import keep_drawable
from guidebuilder.brand.model import Brand
from guidebuilder.brand.plates import logo_on
from guidebuilder.pdf.pictures import draw_picture, fitted_size
from guidebuilder.pdf.reportlab_internals import (
    DeferredPagesCanvas,
    ShapedWidthCanvas,
    current_page_size,
)
from guidebuilder.pdf.structure import StructTree, pdf_date
from guidebuilder.pdf.styles import Markup
from guidebuilder.pdf.tagging import TaggingCanvas
from guidebuilder.text.direction import has_right_to_left
from guidebuilder.text.measure import ellipsize

PAGE_SIZES = {"A4": A4, "letter": LETTER}
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.3 * cm


def page_size(brand: Brand, wide: bool = False) -> tuple[float, float]:
    size = PAGE_SIZES.get(brand.defaults.page_size, A4)
    return landscape(size) if wide else size


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it is at most ``width`` points wide."""
    return ellipsize(text, lambda shown: stringWidth(shown, font, size) <= width)


@dataclass(frozen=True)
class RunningText:
    """Sets one line of the running header, footer or cover band: in the brand's font, with
    the fallback fonts for what it cannot draw, in visual order when the text (or the guide:
    ``rtl``) is right to left."""

    markup: Markup
    rtl: bool = False
    bold: frozenset[str] = frozenset()  # the font names of bold faces (for fallback runs)

    def _plain(self, text: str) -> bool:
        return not self.rtl and self.markup.simple(text) and not has_right_to_left(text)

    def draw(self, canvas: Canvas, x: float, y: float, text: str, font: str, size: float,
             width: float, align: str = "left") -> float:
        """``text`` shortened to ``width`` points, starting (or with ``align`` "right",
        ending) at ``x``; its width."""
        if self._plain(text):
            shown = fit_text(keep_drawable(text, self.markup.codes), font, size, width)
            if align == "right":
                canvas.drawRightString(x, y, shown)
            else:
                canvas.drawString(x, y, shown)
            return stringWidth(shown, font, size)
        from guidebuilder.pdf.rtl import draw_line, line_width

        bold = font in self.bold
        shown = ellipsize(text, lambda part: line_width(self.markup.font_runs(part, font, bold),
                                                        size) <= width)
        return draw_line(canvas, x, y, self.markup.font_runs(shown, font, bold), size,
                         self.rtl, align)


def make_canvas_class(brand: Brand, title: str, page_label: str, fonts: dict[str, str],
                      line: RunningText, tree: StructTree) -> type[Canvas]:
    """A canvas that draws the running header and footer once the page count is known, and
    tags what it draws with the elements of ``tree`` (the header and footer as artifacts)."""

    class HandbookCanvas(DeferredPagesCanvas, TaggingCanvas, ShapedWidthCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if tree.created is not None:  # else reportlab's invariant date, 1 January 2000
                date = pdf_date(tree.created)
                self.setDateFormatter(lambda *_: date)

        def finish_page(self, total: int) -> None:
            if self.getPageNumber() > 1:
                with self.tagger.artifact("Pagination"):
                    self._furniture(total)

        def _furniture(self, total: int) -> None:
            width, height = current_page_size(self)
            small = brand.typography.base_size - 2
            muted = HexColor(brand.surfaces.page.muted)
            rule = HexColor(brand.colors.tertiary)
            self.saveState()
            self.setStrokeColor(rule)
            self.setLineWidth(0.6)
            top = height - MARGIN_TOP + 0.9 * cm
            bottom = MARGIN_BOTTOM - 0.9 * cm
            self.line(MARGIN_X, top - 4, width - MARGIN_X, top - 4)
            self.line(MARGIN_X, bottom + small + 4, width - MARGIN_X, bottom + small + 4)
            self.setFillColor(muted)
            logo, logo_plate = logo_on(brand.logos.small, brand.surfaces.page.background,
                                       brand.colors)
            logo_width = 0.0
            if logo:
                logo_width, logo_height = fitted_size(logo, 4 * small * 1.8, small * 1.8)
                left = MARGIN_X if line.rtl else width - MARGIN_X - logo_width
                draw_picture(self, logo, (left, top - 2, logo_width, logo_height),
                             (fonts["regular"], fonts["bold"]), logo_plate)
            self.setFont(fonts["base"], small)
            start, end = MARGIN_X, width - MARGIN_X
            if line.rtl:
                start, end = end, start
            title_room = width - 2 * MARGIN_X - logo_width - 12
            line.draw(self, start, top, title, fonts["base"], small, title_room,
                      "right" if line.rtl else "left")
            number = page_label.format(page=self.getPageNumber(), pages=total)
            number_width = line.draw(self, end, bottom, number, fonts["base"], small,
                                     width - 2 * MARGIN_X, "left" if line.rtl else "right")
            footer = brand.footer_for(tree.lang)  # may be empty
            line.draw(self, start, bottom, footer, fonts["base"], small,
                      width - 2 * MARGIN_X - number_width - 12, "right" if line.rtl else "left")
            self.restoreState()

    HandbookCanvas.tree = tree
    return HandbookCanvas


def page_background(brand: Brand) -> Callable[[Canvas, object], None]:
    """Each page's background: the brand's, when it is not white (and light enough to print)."""

    def draw(canvas: Canvas, doc: object) -> None:
        if brand.surfaces.page.background != "#FFFFFF":
            width, height = current_page_size(canvas)
            canvas.saveState()
            canvas.setFillColor(HexColor(brand.surfaces.page.background))
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.restoreState()

    return draw


def cover_band(brand: Brand, font: str, line: RunningText) -> Callable[[Canvas, object], None]:
    """Cover decoration: a band of the primary colour carrying the organisation's name (the
    only place the cover names it), and an accent rule."""
    background = page_background(brand)

    def draw(canvas: Canvas, doc: object) -> None:
        background(canvas, doc)
        width, height = current_page_size(canvas)
        band = 1.4 * 72
        canvas.saveState()
        canvas.setFillColor(HexColor(brand.colors.primary))
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(HexColor(brand.colors.secondary))
        canvas.rect(0, height - band - 6, width, 6, stroke=0, fill=1)
        canvas.setFillColor(HexColor(brand.ink_on(brand.colors.primary)))
        canvas.setFont(font, 13)
        line.draw(canvas, width - MARGIN_X if line.rtl else MARGIN_X, height - band / 2 - 4,
                  brand.meta.name, font, 13, width - 2 * MARGIN_X,
                  "right" if line.rtl else "left")
        canvas.restoreState()

    return draw
