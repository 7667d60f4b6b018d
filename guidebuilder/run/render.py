"""Render one format of a plan into a file, with every failure turned into a RenderError."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
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


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Rendering makes millions of short-lived objects; by default the garbage collector runs
    every 700 of them and now and then rescans everything alive (the whole plan with it), which
    makes a large guide cost more per page than a small one. Meanwhile it runs every 10,000
    (more would save little and keep much more garbage: 250 MB at the peak of a 16x build
    become 390 MB at 50,000)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def render(fmt: str, plan: DocumentPlan, brand: Brand, target: Path) -> list[Problem]:
    """Render one format into ``target``; return its warnings."""
    try:
        with target.open("wb") as stream, _fewer_collections():
            return renderer(fmt)(plan, brand, stream)
    except GuideBuilderError:
        raise
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file ({exc.strerror}); check the folder "
                          "is writable and has free space") from None
    except Exception as exc:
        raise RenderError(f"the {fmt.upper()} could not be rendered ({type(exc).__name__}: "
                          f"{exc}); please report this with the guide file") from None
