"""The output formats: each one's name, file suffix and renderer, in one table that the command
line, the entry point, output naming and the render processes all read."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem
from guidebuilder.plan.document import DocumentPlan, RenderOptions

Render = Callable[[DocumentPlan, Brand, BinaryIO, RenderOptions], list[Problem]]
Warm = Callable[[Brand], None]


@dataclass(frozen=True)
class Format:
    """An output format, rendered by the ``render`` and ``warm`` functions of ``package``, which
    is imported only when the format is rendered (a renderer's import is the costly part of a
    build)."""

    name: str
    suffix: str
    what: str  # what the output is, for messages
    package: str

    def renderer(self) -> Render:
        """Writes the output for a plan and returns its warnings."""
        render: Render = importlib.import_module(self.package).render
        return render

    def warmer(self) -> Warm:
        """Loads what rendering a brand needs first (its fonts), ahead of the plan."""
        warm: Warm = importlib.import_module(self.package).warm
        return warm


FORMATS: dict[str, Format] = {fmt.name: fmt for fmt in (
    Format("pdf", ".pdf", "PDF handbook", "guidebuilder.pdf"),
    Format("pptx", ".pptx", "PowerPoint deck", "guidebuilder.deck"),
)}
ALL = tuple(FORMATS)
COMMANDS: dict[str, tuple[str, ...]] = {"build": ALL, "pdf": ("pdf",), "slides": ("pptx",)}


def format_named(name: str) -> Format:
    """The format called ``name``; an unknown name is an error naming the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise GuideBuilderError(Problem("", f"unknown output format '{name}'",
                                        hint=f"use one of: {', '.join(FORMATS)}")) from None
