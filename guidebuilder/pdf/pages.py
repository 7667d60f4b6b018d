"""Page geometry and the running header and footer ("Page N of M") drawn on every page."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from guidebuilder.brand.glyphs import keep_drawable
from guidebuilder.brand.model import Brand
from guidebuilder.text.measure import ellipsize

PAGE_SIZES = {"A4": A4, "letter": LETTER}
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 2.3 * cm


def page_size(brand: Brand, wide: bool = False) -> tuple[float, float]:
    size = PAGE_SIZES.get(brand.page_size, A4)
    return landscape(size) if wide else size


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so it is at most ``width`` points wide."""
    return ellipsize(text, lambda shown: stringWidth(shown, font, size) <= width)


def make_canvas_class(brand: Brand, title: str, page_label: str, fonts: dict[str, str],
                      codes: frozenset[int]) -> type:
    """A canvas that defers page furniture until the page count is known."""

    class HandbookCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            small = brand.base_size - 2
            muted = HexColor(brand.colors.muted)
            rule = HexColor(brand.colors.tertiary)
            self.saveState()
            self.setStrokeColor(rule)
            self.setLineWidth(0.6)
            top = height - MARGIN_TOP + 0.9 * cm
            bottom = MARGIN_BOTTOM - 0.9 * cm
            self.line(MARGIN_X, top - 4, width - MARGIN_X, top - 4)
            self.line(MARGIN_X, bottom + small + 4, width - MARGIN_X, bottom + small + 4)
            self.setFillColor(muted)
            logo_width = 0.0
            if brand.logo_small:
                logo_width = _draw_logo(self, brand, width - MARGIN_X, top, small * 1.8)
            self.setFont(fonts["base"], small)
            self.drawString(MARGIN_X, top, fit_text(keep_drawable(title, codes), fonts["base"], small,
                                                    width - 2 * MARGIN_X - logo_width - 12))
            number = page_label.format(page=self._pageNumber, pages=total)
            number_width = stringWidth(number, fonts["base"], small)
            self.drawRightString(width - MARGIN_X, bottom, number)
            footer = keep_drawable(brand.footer or brand.name, codes)
            self.drawString(MARGIN_X, bottom, fit_text(footer, fonts["base"], small,
                                                       width - 2 * MARGIN_X - number_width - 12))
            self.restoreState()

    return HandbookCanvas


def _draw_logo(canvas: Canvas, brand: Brand, right: float, baseline: float, height: float) -> float:
    """Draw the small logo right-aligned with its bottom at ``baseline``; return its width."""
    from reportlab.lib.utils import ImageReader

    assert brand.logo_small
    image = ImageReader(str(brand.logo_small.path))
    image_width, image_height = image.getSize()
    width = height * image_width / max(1, image_height)
    canvas.drawImage(image, right - width, baseline - 2, width, height, mask="auto")
    return width


def cover_band(brand: Brand, font: str, codes: frozenset[int]):
    """Cover decoration: a band of the primary colour carrying the brand name, an accent rule."""

    def draw(canvas, doc) -> None:
        width, height = canvas._pagesize
        band = 1.4 * 72
        canvas.saveState()
        canvas.setFillColor(HexColor(brand.heading_color))
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(HexColor(brand.colors.secondary))
        canvas.rect(0, height - band - 6, width, 6, stroke=0, fill=1)
        canvas.setFillColor(HexColor(brand.ink_on(brand.heading_color)))
        canvas.setFont(font, 13)
        canvas.drawString(MARGIN_X, height - band / 2 - 4,
                          fit_text(keep_drawable(brand.name, codes), font, 13,
                                   width - 2 * MARGIN_X))
        canvas.restoreState()

    return draw
