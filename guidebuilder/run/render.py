"""Render one format of a plan into a file, with every failure turned into a RenderError."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan

FORMATS = ("pdf", "pptx")
Renderer = Callable[[DocumentPlan, Brand, BinaryIO], list[Problem]]


def renderer(fmt: str) -> Renderer:
    """The render function for a format, imported only when needed."""
    if fmt == "pdf":
        from guidebuilder.pdf import render_pdf

        return render_pdf
    from guidebuilder.deck import render_deck

    return render_deck


def warm(fmt: str, brand: Brand) -> None:
    """Load what rendering ``brand`` in ``fmt`` needs first (its fonts), ahead of the plan.
    A failure here is left for the render, which reports it."""
    if fmt == "pdf":
        from guidebuilder.pdf import warm_pdf as warmer
    else:
        from guidebuilder.deck import warm_deck as warmer
    with contextlib.suppress(Exception):  # the render meets the same failure and reports it
        warmer(brand)


def render(fmt: str, plan: DocumentPlan, brand: Brand, target: Path) -> list[Problem]:
    """Render one format into ``target``; return its warnings."""
    try:
        with target.open("wb") as stream:
            return renderer(fmt)(plan, brand, stream)
    except GuideBuilderError:
        raise
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file ({exc.strerror}); check the folder "
                          "is writable and has free space") from None
    except Exception as exc:
        raise RenderError(f"the {fmt.upper()} could not be rendered ({type(exc).__name__}: "
                          f"{exc}); please report this with the guide file") from None
