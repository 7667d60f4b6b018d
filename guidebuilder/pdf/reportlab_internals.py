"""reportlab's private names, all in this one module, each guarded by a canary test."""

# Every ``_name`` of reportlab's that the handbook relies on is used here and nowhere else in
# guidebuilder.pdf (tests/pdf/test_reportlab_internals.py checks both: the fence, and that each
# name still behaves as the code below expects). Work that needs more of reportlab's insides
# (a tagged PDF's structure tree and marked content) adds its helpers and canaries here.

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas


def current_page_size(canvas: Canvas) -> tuple[float, float]:
    """The size of the page ``canvas`` is drawing (reportlab sets it per page template; its
    public API has a setter, ``setPageSize``, but no getter)."""
    width, height = canvas._pagesize  # type: ignore[attr-defined]
    return width, height


class DeferredPagesCanvas(Canvas):
    """A canvas that keeps each finished page open until the document is saved, then calls
    ``finish_page(total)`` on every page in order, so that a page can show the page count.

    A page's whole state (its content stream, size, number, annotations) is the canvas's
    instance dictionary: ``showPage`` keeps a copy and starts the next page with reportlab's
    ``_startPage``; ``save`` restores each copy, finishes the page, and really shows it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, object]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.finish_page(total)
            super().showPage()
        super().save()

    def finish_page(self, total: int) -> None:
        """Draw what the current page needs the page count for; ``total`` pages in all."""
