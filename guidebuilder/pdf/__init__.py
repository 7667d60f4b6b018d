"""Render a DocumentPlan as a printable PDF handbook with reportlab."""

from guidebuilder.brand.model import Brand
from guidebuilder.pdf.document import render_pdf as render
from guidebuilder.pdf.styles import build_styles

__all__ = ["render", "warm"]


def warm(brand: Brand) -> None:
    """Register the brand's fonts with reportlab (read once per process)."""
    build_styles(brand)
