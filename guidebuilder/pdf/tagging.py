"""Marked content at draw time: which page content and which link belongs to which element.

Every page is an artifact unless something says otherwise: the canvas wraps each page's stream
in ``/Artifact BMC … EMC`` and tagged content steps out of it (``EMC /P <</MCID n>> BDC … EMC
/Artifact BMC``). Backgrounds, the cover band, table fills and rules, the running header and
footer and repeated table headers are therefore artifacts without being touched."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from guidebuilder.pdf.reportlab_internals import (
    AnnotatingCanvas,
    annotation_reference,
    on_link_bounds,
    replace_text_operators,
    set_annotation_key,
    space_line_ends,
    text_operators,
    wrap_page_stream,
)
from guidebuilder.pdf.structure import Annotation, Elem, Item, Recording, StructTree
from guidebuilder.pdf.structwriter import write_structure

_GLYPHS = re.compile(r"\bT[jJ]\b")
LinkKey = tuple[Any, ...]  # a paragraph fragment's link: (number, target)


class _Mark(str):
    """A placeholder in a text object's operators: from here on the text belongs to ``elem``.
    It formats as nothing until ``Tagger.draw_text`` replaces it with marked content."""

    elem: Elem

    def __new__(cls, elem: Elem) -> _Mark:
        mark = str.__new__(cls, "")
        mark.elem = elem
        return mark


@dataclass(eq=False)
class ParagraphDrawing:
    """The paragraph being drawn: its element, its bullet's Lbl, its body text object, the
    links seen on the current line, and items that read after its text."""

    elem: Elem
    lbl: Elem | None
    bullet: bool
    whole_link: LinkKey | None
    link_text: dict[LinkKey, str]
    text: str = ""  # all of it: what a link that reportlab gives no text of stands for
    body: PDFTextObject | None = None
    line_links: list[LinkKey] = field(default_factory=list)
    after: list[tuple[Elem, Item]] = field(default_factory=list)
    next_link: Elem | None = None
    links: dict[LinkKey, Elem] = field(default_factory=dict)


class Tagger(Recording):
    """The marked content one layout pass draws (one per canvas: each pass has a new one)."""

    def __init__(self, canvas: Canvas, tree: StructTree) -> None:
        super().__init__(tree)
        self.canvas = canvas
        self.in_content = False
        self.suppress = 0
        self.para: ParagraphDrawing | None = None

    def _literal(self, text: str) -> None:
        self.canvas.addLiteral(text)

    def _allocate(self, elem: Elem, later: list[tuple[Elem, Item]] | None = None) -> int:
        """A new MCID on this page for ``elem``; recorded now, or appended to ``later``."""
        page = self.canvas.getPageNumber()
        mcids = self.page_mcids.setdefault(page, [])
        mcids.append(elem)
        item: Item = ("mc", (page, len(mcids) - 1))
        if later is None:
            self.content.setdefault(elem, []).append(item)
        else:
            later.append((elem, item))
        return len(mcids) - 1

    def add_item(self, elem: Elem, item: Item) -> None:
        self.content.setdefault(elem, []).append(item)

    def first_draw(self, flowable: Flowable) -> bool:
        """False when this very flowable was drawn before in this pass (a table header repeated
        on a later page): its later drawings are artifacts."""
        if getattr(flowable, "tagged_by", None) is self:
            return False
        flowable.tagged_by = self  # type: ignore[attr-defined]
        return True

    @property
    def passive(self) -> bool:
        """Whether drawing now is already inside tagged content or a forced artifact."""
        return self.in_content or self.suppress > 0

    @contextmanager
    def content_of(self, elem: Elem) -> Iterator[None]:
        """Everything drawn inside is one marked-content sequence of ``elem``."""
        if self.passive:
            yield
            return
        mcid = self._allocate(elem)
        self._literal(f"EMC /{elem.role} <</MCID {mcid}>> BDC")
        self.in_content = True
        try:
            yield
        finally:
            self._literal("EMC /Artifact BMC")
            self.in_content = False

    @contextmanager
    def artifact(self, kind: str = "", subtype: str = "") -> Iterator[None]:
        """Everything drawn inside is an artifact (of type ``kind``), tagged flowables too."""
        props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "") if kind else ""
        if self.in_content:
            self._literal(f"/Artifact <<{props}>> BDC")
        elif props:
            self._literal(f"EMC /Artifact <<{props}>> BDC")
        self.suppress += 1
        try:
            yield
        finally:
            self.suppress -= 1
            if self.in_content:
                self._literal("EMC")
            elif props:
                self._literal("EMC /Artifact BMC")

    @contextmanager
    def paragraph(self, drawing: ParagraphDrawing) -> Iterator[None]:
        """A paragraph of ``drawing.elem`` is drawn inside."""
        outer, self.para = self.para, drawing
        try:
            yield
        finally:
            self.para = outer
            for owner, item in drawing.after:
                self.add_item(owner, item)

    def link_elem(self, drawing: ParagraphDrawing, key: LinkKey) -> Elem:
        """The Link element of ``key`` in the paragraph (one per link, even over lines)."""
        if key not in drawing.links:
            drawing.links[key] = Elem("Link")
        return drawing.links[key]

    def begin_body(self, drawing: ParagraphDrawing, text: PDFTextObject) -> None:
        """The paragraph's body text object begins: mark where its links begin and end."""
        drawing.body = text
        whole = drawing.whole_link
        target = self.link_elem(drawing, whole) if whole else drawing.elem
        operators = text_operators(text)
        operators.append(_Mark(target))

        def bound(link: Any, where: str) -> None:
            if whole:
                return
            if where == "start":
                key = tuple(link)
                operators.insert(len(operators) - 1, _Mark(self.link_elem(drawing, key)))
                drawing.line_links.append(key)
            else:
                operators.append(_Mark(drawing.elem))

        on_link_bounds(text, bound)
        space_line_ends(text)

    def draw_text(self, text: PDFTextObject, emit: Callable[[PDFTextObject], None]) -> None:
        """Draw ``text`` (with ``emit``) as the content its paragraph says it is."""
        drawing = self.para
        if drawing is None or self.passive:
            emit(text)
            return
        if text is drawing.body:
            replace_text_operators(text, self._resolve(drawing, text_operators(text)))
            self._literal("EMC")
            emit(text)
            self._literal("/Artifact BMC")
            return
        later: list[tuple[Elem, Item]] | None = None
        if drawing.body is None and drawing.bullet:
            if drawing.lbl is None:
                emit(text)  # a decorative bullet stays an artifact
                return
            owner = drawing.lbl
        else:
            owner, later = drawing.next_link or drawing.elem, drawing.after
        mcid = self._allocate(owner, later)
        self._literal(f"EMC /{owner.role} <</MCID {mcid}>> BDC")
        emit(text)
        self._literal("EMC /Artifact BMC")

    def _resolve(self, drawing: ParagraphDrawing, code: list[str]) -> list[str]:
        """``code`` with its placeholders replaced by BDC/EMC around the runs showing glyphs."""
        out: list[str] = []
        run: list[str] = []
        owner = drawing.elem
        placed: set[int] = set()
        for item in [*code, _Mark(drawing.elem)]:
            if not isinstance(item, _Mark):
                run.append(item)
                continue
            if any(_GLYPHS.search(op) for op in run):
                if owner is not drawing.elem and id(owner) not in placed:
                    placed.add(id(owner))
                    if owner not in self.content:
                        self.add_item(drawing.elem, ("elem", owner))
                out.append(f"/{owner.role} <</MCID {self._allocate(owner)}>> BDC")
                out.extend(run)
                out.append("EMC")
            else:
                out.extend(run)
            run.clear()
            owner = item.elem
        return out

    def annotation(self, obj: Any, name: str) -> None:
        """An annotation was added to the page: find its Link element, describe it."""
        drawing = self.para
        elem: Elem | None = None
        contents = ""
        if drawing is not None:
            if drawing.next_link is not None:
                elem = drawing.next_link
            elif drawing.line_links:
                key = min(drawing.line_links)
                drawing.line_links.remove(key)
                elem = self.link_elem(drawing, key)
                contents = drawing.link_text.get(key) or drawing.text or str(key[1])
            elif drawing.whole_link is not None:
                elem = self.link_elem(drawing, drawing.whole_link)
                contents = drawing.link_text.get(drawing.whole_link) or ""
        if elem is None:
            elem = Elem("Link", self.tree.root)
            self.orphans.append(elem)
        contents = " ".join((contents or elem.alt or "link").split())
        record = Annotation(obj, annotation_reference(self.canvas, name),
                            self.canvas.getPageNumber(), elem)
        set_annotation_key(obj, "Contents", PDFString(contents))
        self.annotations.append(record)
        if drawing is not None:
            drawing.after.append((elem, ("objr", record)))
        else:
            self.add_item(elem, ("objr", record))


class TaggingCanvas(AnnotatingCanvas):
    """A canvas that records the marked content of ``tree`` (set by the subclass) and writes
    the structure tree into the document when it is saved."""

    tree: StructTree

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("pdfVersion", (1, 7))  # PDF/UA-1 is defined on ISO 32000-1
        super().__init__(*args, **kwargs)
        self.tagger = Tagger(self, self.tree)

    def drawText(self, aTextObject: PDFTextObject) -> None:
        self.tagger.draw_text(aTextObject, super().drawText)

    def annotation_added(self, annotation: Any, name: str) -> None:
        self.tagger.annotation(annotation, name)

    def showPage(self) -> None:
        wrap_page_stream(self, "/Artifact BMC", "EMC")  # the page is really shown now
        super().showPage()

    def save(self) -> None:
        write_structure(self, self.tagger)
        super().save()


def tagger_of(canvas: Canvas) -> Tagger | None:
    """The tagger of ``canvas``, when it is a tagging canvas."""
    tagger = getattr(canvas, "tagger", None)
    return tagger if isinstance(tagger, Tagger) else None
