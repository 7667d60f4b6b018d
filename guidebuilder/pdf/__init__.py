"""Render a DocumentPlan as a printable PDF handbook with reportlab."""

from guidebuilder.pdf.document import render_pdf

__all__ = ["render_pdf"]
