"""Canaries for reportlab's private names: each still behaves as reportlab's public API says it
should, and no module of guidebuilder.pdf but reportlab_internals uses one."""

from __future__ import annotations

import ast
import inspect
import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

from guidebuilder.pdf.reportlab_internals import DeferredPagesCanvas, current_page_size

from conftest import ROOT

PDF_PACKAGE = ROOT / "guidebuilder" / "pdf"
SIZES = [A4, landscape(A4), A5]  # one page of each, in this order


@pytest.mark.parametrize("size", SIZES)
def test_current_page_size_is_what_the_public_setter_set(size: tuple[float, float]) -> None:
    canvas = Canvas(io.BytesIO(), pagesize=A5)
    canvas.setPageSize(size)
    assert current_page_size(canvas) == size


def test_current_page_size_follows_the_page_templates() -> None:
    """Page decorations see the size of their own page, as the written file has it."""
    seen: list[tuple[float, float]] = []

    def remember(canvas: Canvas, doc: BaseDocTemplate) -> None:
        seen.append(current_page_size(canvas))

    def template(name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(36, 36, size[0] - 72, size[1] - 72, id=name)
        return PageTemplate(name, [frame], pagesize=size, onPage=remember)

    stream = io.BytesIO()
    doc = BaseDocTemplate(stream, pagesize=A4, invariant=1)
    doc.addPageTemplates([template("tall", A4), template("wide", landscape(A4))])
    doc.build([Paragraph("one"), NextPageTemplate("wide"), PageBreak(), Paragraph("two"),
               NextPageTemplate("tall"), PageBreak(), Paragraph("three")])
    written = [(float(page.mediabox.width), float(page.mediabox.height))
               for page in PdfReader(stream).pages]
    assert seen == [A4, landscape(A4), A4]
    assert [(round(w), round(h)) for w, h in seen] == [(round(w), round(h)) for w, h in written]


def _draw_pages(canvas: Canvas) -> None:
    for number, size in enumerate(SIZES, start=1):
        canvas.setPageSize(size)
        canvas.drawString(72, 72, f"body {number}")
        canvas.linkURL(f"https://example.org/{number}", (72, 72, 144, 90))
        canvas.showPage()


def _pages(pdf: bytes) -> list[tuple[tuple[float, float], list[str], list[str]]]:
    """Each page's size, text lines and link targets."""
    return [((float(page.mediabox.width), float(page.mediabox.height)),
             page.extract_text().splitlines(),
             [link.get_object()["/A"]["/URI"] for link in page.get("/Annots", [])])
            for page in PdfReader(io.BytesIO(pdf)).pages]


def test_deferred_pages_are_the_pages_a_plain_canvas_draws() -> None:
    """Holding pages back (a copy of the canvas's instance dictionary, then ``_startPage``) and
    finishing them at ``save`` keeps each page's size, content, links and number."""
    finished: list[tuple[int, int, tuple[float, float]]] = []

    def footer(canvas: Canvas, total: int) -> None:
        canvas.drawRightString(current_page_size(canvas)[0] - 72, 36,
                               f"Page {canvas.getPageNumber()} of {total}")

    class Deferred(DeferredPagesCanvas):
        def finish_page(self, total: int) -> None:
            finished.append((self.getPageNumber(), total, current_page_size(self)))
            footer(self, total)

    class AtOnce(Canvas):
        def showPage(self) -> None:
            footer(self, len(SIZES))
            super().showPage()

    outputs = []
    for maker in (Deferred, AtOnce):
        stream = io.BytesIO()
        canvas = maker(stream, pagesize=A4, invariant=1)
        _draw_pages(canvas)
        canvas.save()
        outputs.append(_pages(stream.getvalue()))
    numbers = range(1, len(SIZES) + 1)
    assert finished == [(number, len(SIZES), size) for number, size in zip(numbers, SIZES, strict=True)]
    assert outputs[0] == outputs[1]
    assert [text for _, text, _ in outputs[0]] == [
        [f"body {number}", f"Page {number} of {len(SIZES)}"] for number in numbers]
    assert [links for _, _, links in outputs[0]] == [[f"https://example.org/{n}"] for n in numbers]


def test_start_page_begins_an_empty_next_page() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    assert inspect.signature(Canvas._startPage).parameters.keys() == {"self"}  # type: ignore[attr-defined]
    canvas.drawString(72, 72, "ink")
    canvas._startPage()  # type: ignore[attr-defined]
    assert canvas.getPageNumber() == 2
    assert canvas.getpdfdata().count(b"/Type /Page\n") == 0  # nothing left to show, no page


def test_a_pages_state_is_in_the_instance_dictionary() -> None:
    """What DeferredPagesCanvas copies: the page size and number are plain instance attributes,
    not properties or slots a copy of ``__dict__`` would miss."""
    canvas = Canvas(io.BytesIO(), pagesize=A5)
    state = vars(canvas)
    assert state["_pagesize"] == A5
    assert state["_pageNumber"] == canvas.getPageNumber() == 1
    assert not hasattr(Canvas, "__slots__")
    assert not any(isinstance(inspect.getattr_static(canvas, name), property) for name in state)


def _our_names(tree: ast.Module) -> set[str]:
    """Private names the module defines itself: methods and ``self._x =`` attributes."""
    names = {node.name for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef | ast.ClassDef)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
              and isinstance(node.ctx, ast.Store)}
    return {name for name in names if name.startswith("_")}


@pytest.mark.parametrize("module", sorted(p.name for p in PDF_PACKAGE.glob("*.py")
                                          if p.name != "reportlab_internals.py"))
def test_no_other_module_uses_reportlab_internals(module: str) -> None:
    tree = ast.parse((PDF_PACKAGE / module).read_text(encoding="utf-8"))
    ours = _our_names(tree)
    private = sorted({node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                      and node.attr.startswith("_") and node.attr not in ours
                      and (node.attr == "__dict__" or not node.attr.startswith("__"))})
    assert private == [], f"{module}: {private} belong in pdf/reportlab_internals.py"
