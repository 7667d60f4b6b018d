"""Canaries for reportlab's private names: each still behaves as reportlab's public API says it
should, and no module of guidebuilder.pdf but reportlab_internals uses one."""

from __future__ import annotations

import ast
import inspect
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from guidebuilder.pdf.reportlab_internals import (
    AnnotatingCanvas,
    DeferredPagesCanvas,
    allow_page_keys,
    annotation_reference,
    contents_entries,
    current_page_size,
    kept_flowables,
    on_link_bounds,
    page_objects,
    reference,
    replace_text_operators,
    set_annotation_key,
    set_contents_table,
    space_line_ends,
    text_cursor,
    text_operators,
    wrap_page_stream,
)

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


# -- the tagged PDF's names ------------------------------------------------------------------


def test_every_annotation_passes_through_add_annotation() -> None:
    """linkURL and linkRect (paragraph links, the contents page) both report, named."""
    seen: list[tuple[str, str]] = []

    class Reporting(AnnotatingCanvas):
        def annotation_added(self, annotation: object, name: str) -> None:
            seen.append((type(annotation).__name__, name))

    canvas = Reporting(io.BytesIO())
    canvas.bookmarkPage("here")
    canvas.linkURL("https://example.org", (0, 0, 10, 10))
    canvas.linkRect("", "here", (0, 0, 10, 10))
    assert seen == [("PDFDictionary", "NUMBER1"), ("LinkAnnotation", "NUMBER2")]
    assert annotation_reference(canvas, "NUMBER2").name == "Annot.NUMBER2"
    assert canvas._annotationrefs[-1].name == "Annot.NUMBER2"  # type: ignore[attr-defined]
    plain = Canvas(io.BytesIO())
    plain.linkURL("https://example.org", (0, 0, 10, 10))  # reportlab's own name is the same
    assert plain._annotationrefs[-1].name == "Annot.NUMBER1"  # type: ignore[attr-defined]


def test_page_objects_and_their_references() -> None:
    canvas = Canvas(io.BytesIO())
    canvas.drawString(10, 10, "x")
    canvas.showPage()
    pages = page_objects(canvas)
    assert len(pages) == 1 and isinstance(pages[0], pdfdoc.PDFPage)
    assert reference(canvas, pages[0]).name == "Page1"  # the page's own reference, not a copy


def test_pages_write_only_allowed_keys() -> None:
    def page_bytes(allow: bool) -> bytes:
        stream = io.BytesIO()
        canvas = Canvas(stream, invariant=1)
        canvas.showPage()
        page = page_objects(canvas)[0]
        page.StructParents = 7
        if allow:
            allow_page_keys(page, "StructParents")
        canvas.save()
        return stream.getvalue()

    assert b"/StructParents 7" not in page_bytes(False)
    assert b"/StructParents 7" in page_bytes(True)


def test_annotation_keys_for_both_kinds() -> None:
    stream = io.BytesIO()
    made: list[object] = []

    class Keeping(AnnotatingCanvas):
        def annotation_added(self, annotation: object, name: str) -> None:
            made.append(annotation)

    canvas = Keeping(stream, invariant=1)
    canvas.bookmarkPage("here")
    canvas.linkURL("https://example.org", (0, 0, 10, 10))
    canvas.linkRect("", "here", (0, 0, 10, 10))
    for number, annotation in enumerate(made):
        set_annotation_key(annotation, "Contents", pdfdoc.PDFString(f"link {number}"))
        set_annotation_key(annotation, "StructParent", 40 + number)
    canvas.showPage()
    canvas.save()
    data = stream.getvalue()
    assert b"/Contents (link 0)" in data and b"/Contents (link 1)" in data
    assert b"/StructParent 40" in data and b"/StructParent 41" in data


def test_page_stream_wrapping_and_text_operators() -> None:
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    text = canvas.beginText(10, 10)
    assert text_operators(text)[0] == "BT"
    text.textLine("hi")
    replace_text_operators(text, [*text_operators(text), "% mark"])
    canvas.drawText(text)
    wrap_page_stream(canvas, "/Artifact BMC", "EMC")
    canvas.showPage()
    data = canvas.getpdfdata()
    assert re.search(rb"/Artifact BMC\s.*BT.*\(hi\) Tj.*% mark.*ET\s.*EMC", data, re.S)


def test_link_bounds_and_spaced_line_ends() -> None:
    """A paragraph reports where its link's text starts (after the link's first fragment was
    shown) and ends; lines end with a space that shows nothing."""
    reports: list[tuple[str, int]] = []

    class Probe(Paragraph):
        def beginText(self, x: float, y: float) -> PDFTextObject:
            text = super().beginText(x, y)
            on_link_bounds(text, lambda link, where: reports.append(
                (where, len(text_operators(text)))))
            space_line_ends(text)
            self.probe = text
            return text

    canvas = Canvas(io.BytesIO(), invariant=1)
    para = Probe('one <a href="https://example.org">two three</a> four five six seven eight',
                 getSampleStyleSheet()["Normal"])
    para.wrapOn(canvas, 80, 500)
    para.drawOn(canvas, 0, 0)
    assert [where for where, _ in reports] == ["start", "end"]
    shown = [op for op in text_operators(para.probe) if "Tj" in op]
    assert shown and any(op.endswith(" ) Tj") or ") Tj T*" in op for op in shown)
    assert any(b"two" in op.encode() for op in text_operators(para.probe)[:reports[0][1]])


def test_no_space_after_a_line_broken_at_a_hyphen() -> None:
    """A word broken after its hyphen reads as one word from the tags ("cross-functional",
    not "cross- functional"); other lines still end with a space."""
    class Probe(Paragraph):
        def beginText(self, x: float, y: float) -> PDFTextObject:
            text = super().beginText(x, y)
            space_line_ends(text)
            self.probe = text
            return text

    style = getSampleStyleSheet()["Normal"].clone("hyphens", embeddedHyphenation=1)
    canvas = Canvas(io.BytesIO(), invariant=1)
    para = Probe("team cross-functional reviews", style)
    para.wrapOn(canvas, stringWidth("team cross-", style.fontName, style.fontSize) + 1, 500)
    para.drawOn(canvas, 0, 0)
    shown = " ".join(op for op in text_operators(para.probe) if "Tj" in op)
    assert "(team cross-) Tj" in shown
    assert "(functional ) Tj" in shown


def test_text_cursor_in_an_on_draw_callback() -> None:
    seen: list[tuple[float, float]] = []
    canvas = Canvas(io.BytesIO())
    canvas.setNamedCB("probe", lambda c, kind, label: seen.append(text_cursor(c)))
    para = Paragraph('entry<onDraw name="probe" label="x"/>', getSampleStyleSheet()["Normal"])
    para.wrapOn(canvas, 300, 100)
    para.drawOn(canvas, 0, 0)
    assert len(seen) == 1 and seen[0][0] > 0


def test_contents_entries_and_table() -> None:
    toc = TableOfContents()
    toc.addEntries([(0, "One", 3, "k1")])
    toc.beforeBuild()  # what multiBuild does before each pass
    assert contents_entries(toc) == [(0, "One", 3, "k1")]
    table = Table([["x"]])
    set_contents_table(toc, table)
    canvas = Canvas(io.BytesIO())
    table.wrapOn(canvas, 100, 100)
    toc.canv = canvas
    assert [type(part) for part in toc.split(100, 100)] == [Table]
    assert "_table" in inspect.getsource(TableOfContents.drawOn)
    assert "_lastEntries" in inspect.getsource(TableOfContents.wrap)


def test_kept_flowables_are_the_ones_given_and_a_nested_keep_measures_endless() -> None:
    style = getSampleStyleSheet()["Normal"]
    inner = [Paragraph("one", style), Paragraph("two", style)]
    keep = KeepTogether(inner)
    assert kept_flowables(keep) == inner
    outer = KeepTogether([Paragraph("lead", style), keep])
    canvas = Canvas(io.BytesIO())
    assert keep.wrapOn(canvas, 400, 800)[1] > 800  # why kept_together opens nested groups
    assert outer.wrapOn(canvas, 400, 800)[1] > 800


# -- shaped text (right-to-left guides) ------------------------------------------------------


def test_reportlab_is_loaded_without_harfbuzz_and_given_it_later() -> None:
    """reportlab keeps uharfbuzz as a module global of ttfonts, read when fonts shape."""
    from conftest import python_output

    code = ("import sys\nimport guidebuilder.pdf\nfrom reportlab.pdfbase import ttfonts\n"
            "print('uharfbuzz' in sys.modules, ttfonts.uharfbuzz is None)\n"
            "from guidebuilder.pdf.reportlab_internals import enable_shaping\nenable_shaping()\n"
            "from reportlab.pdfbase.ttfonts import TTFont\n"
            "font = TTFont('x', 'guidebuilder/fonts/LiberationSans-Regular.ttf')\n"
            "print(ttfonts.uharfbuzz is sys.modules['uharfbuzz'], font.shapable)")
    assert python_output(code) == ["False", "True", "True", "True"]


def test_words_measured_by_replaces_the_shaper_while_lines_break() -> None:
    from reportlab.platypus import paragraph

    from guidebuilder.pdf.reportlab_internals import words_measured_by

    seen: list[str] = []

    def measure(word):
        seen.append("".join(text for _, text in word[1:]))
        word[0] = 0.1  # every word a tenth of a point wide: all fit one line
        return word

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from guidebuilder.pdf.reportlab_internals import enable_shaping

    enable_shaping()
    pdfmetrics.registerFont(TTFont("canary-sans", str(ROOT / "guidebuilder" / "fonts"
                                                      / "LiberationSans-Regular.ttf")))
    # reportlab hands back a font of the same face registered earlier (before HarfBuzz, so not
    # shapable) when another test built a handbook first: mark it as the product does (pdf/rtl)
    pdfmetrics.getFont("canary-sans").shapable = True
    style = getSampleStyleSheet()["Normal"].clone("shaped", shaping=1, fontName="canary-sans")
    original = paragraph.shapeFragWord
    with words_measured_by(measure):
        lines = Paragraph("a <b>bold</b> word", style).breakLines(5.0).lines
    assert paragraph.shapeFragWord is original
    assert [text for text in seen if text] == ["a", "bold", "word"] and lines


def test_shaped_glyphs_are_measured_by_their_advances() -> None:
    from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

    from guidebuilder.pdf.reportlab_internals import ShapedWidthCanvas, shaped_advance

    glyphs = ShapedStr("ab", shapeData=[ShapeData(0, 600, 0, 0, 0, 500),
                                        ShapeData(1, 400, 0, 0, 0, 500)])
    assert shaped_advance(glyphs) == 1000.0 and shaped_advance("ab") is None
    canvas = ShapedWidthCanvas(io.BytesIO())
    assert canvas.stringWidth(glyphs, "Helvetica", 10) == 10.0
    assert canvas.stringWidth("ab", "Helvetica", 10) == Canvas(io.BytesIO()).stringWidth(
        "ab", "Helvetica", 10)
