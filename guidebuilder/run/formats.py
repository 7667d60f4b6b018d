"""The output formats: each one's name, file suffix and renderer, in one table that the command
line, the entry point, output naming and the render processes all read."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from guidebuilder.errors import GuideBuilderError, Problem

if TYPE_CHECKING:  # the command line reads this table before anything else is loaded
    from guidebuilder.brand.model import Brand
    from guidebuilder.plan.document import DocumentPlan, RenderOptions

Render = Callable[["DocumentPlan", "Brand", BinaryIO, "RenderOptions"], list[Problem]]
Warm = Callable[["Brand"], None]


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


# the slowest to import and render first: its render process imports first (see
# run.renderers.preforked)
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


def planned_formats(argv: list[str]) -> tuple[str, ...] | None:
    """The formats a command line will render in forked processes: a rendering command's
    (or the one ``--format`` names), none when it renders here (``--jobs 1``) or only asks
    for help. A guess the command line later contradicts costs only time: the command
    adjusts the set."""
    words = [word for word in argv if not word.startswith("-")]
    formats = COMMANDS.get(words[0] if words else "")
    if formats is None or {"-h", "--help"} & set(argv) or _option(argv, "--jobs", "-j") == "1":
        return None
    named = _option(argv, "--format", "-f")
    return (named,) if named in FORMATS and formats == ALL else formats


def _option(argv: list[str], long: str, short: str) -> str | None:
    """The value given to an option, as Click reads it (``--x V``, ``--x=V``, ``-x V``,
    ``-xV``); the last one counts."""
    found = None
    for index, word in enumerate(argv):
        if word in (long, short):
            found = argv[index + 1] if index + 1 < len(argv) else None
        elif word.startswith(long + "="):
            found = word[len(long) + 1:]
        elif word.startswith(short) and not word.startswith("--") and len(word) > 2:
            found = word[2:]
    return found
