"""Render a DocumentPlan as a printable PDF handbook with reportlab."""

from guidebuilder.brand.model import Brand
from guidebuilder.pdf.document import render_pdf
from guidebuilder.pdf.styles import build_styles

__all__ = ["render_pdf", "warm_pdf"]


def warm_pdf(brand: Brand) -> None:
    """Register the brand's fonts with reportlab (read once per process)."""
    build_styles(brand)
