"""Render a DocumentPlan as a printable PDF handbook with reportlab."""

from guidebuilder.brand.fonts import load_reportlab_fonts

load_reportlab_fonts()  # before any other reportlab import: without HarfBuzz for LTR guides

from guidebuilder.brand.model import Brand  # noqa: E402
from guidebuilder.pdf.document import render_pdf as render  # noqa: E402
from guidebuilder.pdf.styles import build_styles  # noqa: E402

__all__ = ["render", "warm"]


def warm(brand: Brand) -> None:
    """Register the brand's fonts with reportlab (read once per process)."""
    build_styles(brand)
