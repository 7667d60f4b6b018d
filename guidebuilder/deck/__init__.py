"""Render a DocumentPlan as an editable PowerPoint deck with python-pptx."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from guidebuilder.brand.model import Brand
from guidebuilder.deck.compose import compose
from guidebuilder.deck.package import save, set_properties
from guidebuilder.deck.presentation import design_for, open_presentation
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.errors import Problem
from guidebuilder.plan.document import DocumentPlan, RenderOptions
from guidebuilder.text.hyphens import remember as remember_hyphens
from guidebuilder.text.measure import load_faces


def warm(brand: Brand) -> None:
    """Load the brand's fonts, and the fallback fonts for scripts they lack, for measuring
    (once per process)."""
    load_faces(brand.typography.base, brand.typography.headings, brand.typography.mono,
               *(fallback.font for fallback in brand.typography.fallbacks or ()))


def render(plan: DocumentPlan, brand: Brand, target: Path | BinaryIO,
           options: RenderOptions) -> list[Problem]:
    """Write the deck for ``plan`` styled by ``brand``; return warnings about the template
    (``options`` ask nothing of a deck yet)."""
    prs = open_presentation(brand)
    warnings: list[Problem] = []
    design = design_for(brand, prs, warnings, plan.meta.language)
    writer = SlideWriter(prs, design, brand.footer_for(plan.meta.language), plan.meta.labels)
    compose(plan, writer)
    writer.finish()
    remember_hyphens()  # of words too long for a table column
    meta = plan.meta
    set_properties(prs, meta.title, brand.meta.name, meta.subtitle or meta.title, meta.language,
                   meta.timestamp)
    save(prs, target, meta.timestamp)
    return warnings + writer.warnings
