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
    collector runs meanwhile (even where loading the command had turned it off), but only
    over what the render makes: what existed before (the libraries, the plan) is set aside,
    or each full collection would rescan it (a render in the command's own process took twice
    as long). And every 10,000 allocations, not every 700 (more would save little and keep
    much more garbage: 250 MB at the peak of a 16x build become 390 MB at 50,000)."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.freeze()
    gc.set_threshold(10_000, *thresholds[1:])
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()
        gc.unfreeze()


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
