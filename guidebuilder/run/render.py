"""Render one format of a plan into a file: every failure a RenderError, but for failures to
write it (an OSError, which the job names by the output it concerns)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan, RenderOptions
from guidebuilder.run.formats import Format


def warm(fmt: Format, brand: Brand) -> None:
    """Load what rendering ``brand`` in ``fmt`` needs first (its fonts), ahead of the plan.
    A failure here is left for the render, which meets it again and reports it."""
    with contextlib.suppress(Exception):
        fmt.warmer()(brand)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Rendering makes millions of short-lived objects, and cycles among them, so the garbage
    collector runs meanwhile (even where loading the command had turned it off), but every
    10,000 of them, not every 700: by default it would now and then rescan everything alive
    (the whole plan with it), which makes a large guide cost more per page than a small one
    (more than 10,000 would save little and keep much more garbage: 250 MB at the peak of a
    16x build become 390 MB at 50,000)."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(10_000, *thresholds[1:])
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()


def render(fmt: Format, plan: DocumentPlan, brand: Brand, target: Path,
           options: RenderOptions) -> list[Problem]:
    """Render one format into ``target``; return its warnings."""
    try:
        renderer = fmt.renderer()  # imported (the first time) before collections resume
        with target.open("wb") as stream, _fewer_collections():
            return renderer(plan, brand, stream, options)
    except (GuideBuilderError, OSError):  # an OSError is named by the job (by its target)
        raise
    except Exception as exc:
        raise RenderError(f"the {fmt.what} could not be rendered ({type(exc).__name__}: "
                          f"{exc}); please report this with the guide file") from None
