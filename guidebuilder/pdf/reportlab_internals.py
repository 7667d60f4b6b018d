"""reportlab's private names, all in this one module, each guarded by a canary test."""

# Every ``_name`` of reportlab's that the handbook relies on is used here and nowhere else in
# guidebuilder.pdf (tests/pdf/test_reportlab_internals.py checks both: the fence, and that each
# name still behaves as the code below expects). Work that needs more of reportlab's insides
# (a tagged PDF's structure tree and marked content) adds its helpers and canaries here.

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, KeepTogether, Table
from reportlab.platypus.tableofcontents import TableOfContents


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
        # a bookmark made on the next page names the page it will be: reportlab names the
        # current page by the count of pages added (and so made every bookmark and contents
        # link point at the first page while pages were held)
        self._doc.pageCounter += 1  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._held)
        self._doc.pageCounter = 1  # type: ignore[attr-defined]  # added now, in order
        for state in self._held:
            self.__dict__.update(state)
            self.finish_page(total)
            super().showPage()
        super().save()

    def finish_page(self, total: int) -> None:
        """Draw what the current page needs the page count for; ``total`` pages in all."""


# -- tagged PDF (PDF/UA-1): marked content at draw time, the structure tree at save time -----


class AnnotatingCanvas(Canvas):
    """A canvas that reports every annotation it adds (links of paragraphs, the contents page's
    page numbers): reportlab creates each through ``_addAnnotation``. An unnamed one gets the
    name reportlab would give it, reported so that ``annotation_reference`` finds it."""

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:
        name = name or f"NUMBER{self._annotationCount + 1}"  # type: ignore[attr-defined]
        super()._addAnnotation(annotation, name, addtopage)  # type: ignore[misc]
        self.annotation_added(annotation, name)

    def annotation_added(self, annotation: Any, name: str) -> None:
        """Called after each annotation was added to the current page."""


def wrap_page_stream(canvas: Canvas, before: str, after: str) -> None:
    """Put ``before`` and ``after`` around everything drawn on the current page so far."""
    code: list[str] = canvas._code  # type: ignore[attr-defined]
    code.insert(0, before)
    code.append(after)


def page_objects(canvas: Canvas) -> list[Any]:
    """The document's PDFPage objects shown so far, in page order."""
    pages: list[Any] = canvas._doc.Pages.pages  # type: ignore[attr-defined]
    return pages


def reference(canvas: Canvas, obj: Any) -> Any:
    """``obj`` registered as an indirect object of the document (its existing reference if it
    is one already)."""
    return canvas._doc.Reference(obj)  # type: ignore[attr-defined]


def annotation_reference(canvas: Canvas, name: str) -> Any:
    """The reference of the annotation added under ``name``."""
    return canvas._doc.refAnnotation(name)  # type: ignore[attr-defined]


def allow_page_keys(page: Any, *keys: str) -> None:
    """Make ``page`` write these attributes: PDFPage writes only keys listed in its
    ``__NoDefault__`` and silently drops others (StructParents, Tabs)."""
    missing = [key for key in keys if key not in page.__NoDefault__]
    if missing:
        page.__NoDefault__ = [*page.__NoDefault__, *missing]


def set_annotation_key(annotation: Any, key: str, value: Any) -> None:
    """Add ``key`` to an annotation made by linkURL (a PDFDictionary) or linkRect (a
    LinkAnnotation, which accepts only the keys in its ``permitted`` tuple)."""
    if isinstance(annotation, PDFDictionary):
        annotation[key] = value
        return
    if key not in annotation.permitted:
        annotation.permitted = (*annotation.permitted, key)
    if key == "Contents":
        annotation.Contents = value
    else:
        annotation.otherkw[key] = value


def text_operators(text: PDFTextObject) -> list[str]:
    """A text object's operator list, from its opening ``BT`` (``ET`` is added when drawn)."""
    code: list[str] = text._code  # type: ignore[attr-defined]
    return code


def replace_text_operators(text: PDFTextObject, code: list[str]) -> None:
    text._code = code  # type: ignore[attr-defined]


def on_link_bounds(text: PDFTextObject, report: Callable[[Any, str], None]) -> None:
    """Have a paragraph drawing into ``text`` call ``report(link, "start" | "end")`` where the
    text of each link begins and ends. reportlab's ``_putFragLine`` looks this callback up and
    reports "start" right after the link's first fragment was shown."""
    text._linkRecord = report  # type: ignore[attr-defined]


def space_line_ends(text: PDFTextObject) -> None:
    """Show an invisible space after each line's last fragment, so that text read from the
    tags (by screen readers, or poppler) does not glue the last word of a line to the next;
    but not after a word broken at a hyphen ("cross-" then "functional" reads as one word)."""
    show: Callable[..., Any] = text._textOut  # type: ignore[attr-defined]

    def spaced(shown: str, TStar: int = 0) -> Any:
        if TStar and shown and not shown[-1].isspace() and not _broken_at_hyphen(shown):
            shown += " "
        return show(shown, TStar)

    text._textOut = spaced  # type: ignore[attr-defined]


def _broken_at_hyphen(line: str) -> bool:
    return len(line) > 1 and line[-1] in "-\xad\u2010" and line[-2].isalnum()


def text_cursor(canvas: Canvas) -> tuple[float, float]:
    """Where a paragraph's text stands when it calls an ``onDraw`` callback."""
    info: dict[str, float] = canvas._curr_tx_info  # type: ignore[attr-defined]
    return info["cur_x"], info["cur_y"]


def contents_entries(toc: TableOfContents) -> list[tuple[int, str, int, str | None]]:
    """The contents entries of the last layout pass, as ``TableOfContents.wrap`` reads them."""
    entries: list[tuple[int, str, int, str | None]] = toc._lastEntries  # type: ignore[attr-defined]
    return entries


def set_contents_table(toc: TableOfContents, table: Table) -> None:
    """The table ``TableOfContents`` draws and splits (what its ``wrap`` makes)."""
    toc._table = table  # type: ignore[attr-defined]


def kept_flowables(keep: KeepTogether) -> list[Flowable]:
    """The flowables a KeepTogether keeps on one page (reportlab has no getter for them)."""
    content: list[Flowable] = keep._content  # type: ignore[attr-defined]
    return content


# -- shaped text (right-to-left guides) ------------------------------------------------------


def enable_shaping() -> None:
    """Give reportlab HarfBuzz now (``brand.fonts.load_reportlab_fonts`` imported it without):
    its TrueType module keeps the library as a module global, read when fonts shape or draw
    shaped glyphs. Fonts registered before still say they are not shapable: set ``shapable``."""
    from reportlab.pdfbase import ttfonts

    if ttfonts.uharfbuzz is None:  # type: ignore[attr-defined]
        import uharfbuzz

        ttfonts.uharfbuzz = uharfbuzz  # type: ignore[attr-defined]


@contextmanager
def words_measured_by(measure: Callable[..., Any]) -> Iterator[None]:
    """Inside, reportlab's paragraphs whose style has ``shaping`` pass every word to
    ``measure`` (in place of HarfBuzz shaping) while they break lines: ``measure(word)``
    returns the word, ``word[0]`` its width. reportlab looks the shaper up as a module global
    of ``reportlab.platypus.paragraph``."""
    from reportlab.platypus import paragraph as module

    paragraph: Any = module
    original = paragraph.shapeFragWord
    paragraph.shapeFragWord = measure
    try:
        yield
    finally:
        paragraph.shapeFragWord = original


def shaped_advance(text: str) -> float | None:
    """The advance of shaped glyphs (a reportlab ``ShapedStr``) in 1/1000 em, as HarfBuzz
    placed them; None for plain text. reportlab measures a shaped string glyph by glyph, by
    each glyph's own width: wrong where HarfBuzz moved glyphs (kerning, marks, joining)."""
    data = getattr(text, "__shapeData__", None)
    return None if data is None else float(sum(glyph.x_advance for glyph in data))


class ShapedWidthCanvas(Canvas):
    """A canvas that measures shaped glyphs by their HarfBuzz advances: paragraphs place the
    fragments after them, their links and underlines by the canvas's ``stringWidth``."""

    def stringWidth(self, text: str, fontName: str | None = None,
                    fontSize: float | None = None) -> float:
        advance = shaped_advance(text)
        if advance is None:
            return super().stringWidth(text, fontName, fontSize)
        return advance * (self._fontsize if fontSize is None else fontSize) / 1000  # type: ignore[attr-defined]
