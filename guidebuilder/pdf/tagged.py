"""Flowables that tag what they draw: paragraphs (and list items), figures, the contents page."""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents

from guidebuilder.pdf.reportlab_internals import contents_entries, set_contents_table, text_cursor
from guidebuilder.pdf.structure import Elem
from guidebuilder.pdf.tagging import LinkKey, ParagraphDrawing, tagger_of
from guidebuilder.text.direction import has_right_to_left


class TaggedParagraph(Paragraph):
    """A Paragraph whose text is the content of ``tag`` (P, H1, LBody, TH…) and, with ``lbl``,
    whose bullet is the content of that Lbl. Its split parts keep both: one element across pages.

    A paragraph in a right-to-left style (``wordWrap="RTL"``, see ``styles.rtl_style``), or
    with right-to-left letters, is bidirectional (``rtl`` says its base direction, None for
    none): its lines are broken with shaped widths and drawn in visual order (``pdf/rtl.py``);
    it keeps its logical text, so that it splits and is tagged as any other."""

    def __init__(self, text: str | None, style: ParagraphStyle, bulletText: str | None = None,
                 frags: Any = None, *, tag: Elem | None = None, lbl: Elem | None = None,
                 **options: Any) -> None:
        self.rtl: bool | None = None
        if style.wordWrap == "RTL" or (text is not None and has_right_to_left(text)):
            self.rtl = style.wordWrap == "RTL"
            if not self.rtl and not style.shaping:
                style = style.clone(f"{style.name}-shaped", shaping=1)
            if self.rtl and bulletText and text is not None:  # "1." reads from the right
                from guidebuilder.text.bidi import display

                bulletText = display(bulletText, True)
        super().__init__(text, style, bulletText, frags, **options)  # type: ignore[arg-type]
        self.tag = tag
        self.lbl = lbl
        # its text, read before breaking lines rewrites its fragments
        self.plain = "".join(getattr(frag, "text", "") or "" for frag in self.frags)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self._lines = None  # splitting may change the words of the lines
        for part in parts:
            if isinstance(part, TaggedParagraph) and part is not self:
                part.tag, part.lbl, part.rtl = self.tag, self.lbl, self.rtl
        return parts

    # the widths, words and style last broken for, the widths after (see below), the lines
    _lines: tuple[Any, ...] | None = None

    def breakLines(self, width: Any) -> Any:
        """The lines for ``width``; those of the last call again for the same widths (the story
        measures most paragraphs before their frame wraps them, at the same width: half of
        all line breaking was done twice). reportlab narrows a list's first width by a bullet
        that overruns the indent, and draws a right-to-left bullet by it: so does a repeat."""
        widths = tuple(width) if isinstance(width, list | tuple) else width
        last = self._lines
        if last and last[0] == widths and last[1] is self.frags and last[2] is self.style:
            if isinstance(width, list):
                width[:] = last[3]
            return last[4]
        if self.rtl is None:
            lines = super().breakLines(width)
        else:
            from guidebuilder.pdf.rtl import shaped_breaking

            with shaped_breaking(self.style.fontName):
                lines = super().breakLines(width)
        after = tuple(width) if isinstance(width, list | tuple) else width
        self._lines = (widths, self.frags, self.style, after, lines)
        return lines

    def draw(self) -> None:
        self._lines = None  # drawing may change the lines' words
        layout = getattr(self, "blPara", None)
        if self.rtl is None or layout is None or layout.kind != 1 or not layout.lines:
            super().draw()
            return
        from guidebuilder.pdf.rtl import visual_layout

        self.blPara = visual_layout(layout, self.rtl)
        try:
            super().draw()
        finally:
            self.blPara = layout

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw: Callable[..., None] = super().drawOn  # reportlab's takes _sW; the stubs' does not
        tagger = tagger_of(canvas)
        if tagger is None or self.tag is None or tagger.passive:
            draw(canvas, x, y, _sW)
        elif not tagger.first_draw(self):
            with tagger.artifact():
                draw(canvas, x, y, _sW)
        else:
            with tagger.paragraph(self._drawing(self.tag)):
                draw(canvas, x, y, _sW)

    def _drawing(self, tag: Elem) -> ParagraphDrawing:
        texts: dict[LinkKey, str] = {}
        frags = getattr(self, "frags", ())
        for frag in frags:
            for link in getattr(frag, "link", None) or ():
                key = tuple(link)
                texts[key] = texts.get(key, "") + (getattr(frag, "text", "") or "")
        layout = getattr(self, "blPara", None)
        links = getattr(layout, "link", None) if getattr(layout, "kind", 1) == 0 else None
        return ParagraphDrawing(tag, self.lbl, bool(self.bulletText),
                                tuple(links[0]) if links else None, texts, self.plain)

    def beginText(self, x: float, y: float) -> PDFTextObject:
        text = super().beginText(x, y)
        tagger = tagger_of(self.canv)
        drawing = tagger.para if tagger else None
        if tagger and drawing and drawing.body is None and drawing.elem is self.tag:
            tagger.begin_body(drawing, text)
        return text


class Figure(Flowable):
    """A drawing (the career ladder, a logo) that is the content of one Figure element with
    alternative text ``alt``."""

    def __init__(self, content: Flowable, elem: Elem) -> None:
        super().__init__()
        self.content = content
        self.elem = elem
        self.hAlign = getattr(content, "hAlign", "LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.content.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None or not tagger.first_draw(self):
            self.content.drawOn(self.canv, 0, 0)
            return
        with tagger.content_of(self.elem):
            self.content.drawOn(self.canv, 0, 0)


class TaggedContents(TableOfContents):
    """The contents page as TOC > TOCI > Reference > (Link: the entry, Link: its page number);
    the leader dots are artifacts. Entries are made again on every ``wrap`` (every pass)."""

    def __init__(self, elem: Elem, page_word: str = "", **options: Any) -> None:
        super().__init__(**options)
        self.elem = elem
        self.page_word = page_word  # "Page", "Seite": a page number's link reads "Seite 3"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = contents_entries(self) or [(0, "Placeholder for table of contents", 0, None)]
        self.elem.children = []

        def entry_end(canvas: Canvas, kind: str | None, label: str) -> None:
            page, level, key = label.split(",")
            style = self.getLevelStyle(int(level))
            _draw_page_number(canvas, style, int(page), literal_eval(key), availWidth,
                              self.dotsMinLevel >= 0 and int(level) >= self.dotsMinLevel,
                              self.page_word)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        rows: list[list[Flowable]] = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            key_value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c") if key else None
            shown = f'<a href="#{key}">{text}</a>' if key else text
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([TaggedParagraph(
                f'{shown}<onDraw name="drawTOCEntryEnd" label="{page},{level},{key_value}"/>',
                style, tag=self.elem.add("TOCI").add("Reference"))])
        table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        set_contents_table(self, table)
        self.width, self.height = table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


def _draw_page_number(canvas: Canvas, style: ParagraphStyle, page: int, key: str | None,
                      width: float, dots: bool, page_word: str) -> None:
    """reportlab's ``drawPageNumbers`` for one page: the dots as an artifact and the number as
    a Link of its own, read after the entry's text."""
    x, y = text_cursor(canvas)
    rtl = style.wordWrap == "RTL"  # the number at the left, the dots between it and the entry
    room = x if rtl else width - x
    number = str(page)
    size = style.fontSize
    number_width = stringWidth(number, style.fontName, size)
    while number_width > room and size >= 1.0:
        size *= 0.9
        number_width = stringWidth(number, style.fontName, size)
    number_x = 0.0 if rtl else width - number_width
    tagger = tagger_of(canvas)
    if dots:
        dot_width = stringWidth(" . ", style.fontName, size)
        count = int((room - number_width) / dot_width)
        start = number_width if rtl else width - count * dot_width - number_width
        leader = _line(canvas, style, size, start, y, count * " . ")
        if tagger is not None:
            with tagger.artifact():
                canvas.drawText(leader)
        else:
            canvas.drawText(leader)
    drawing = tagger.para if tagger is not None else None
    if drawing is not None and key:
        drawing.next_link = Elem("Link", alt=f"{page_word} {page}".strip())
        drawing.after.append((drawing.elem, ("elem", drawing.next_link)))
    try:
        canvas.drawText(_line(canvas, style, size, number_x, y, number))
        if key:
            right = number_width if rtl else width
            canvas.linkRect("", key, (number_x, y, right, y + style.leading), relative=1)
    finally:
        if drawing is not None:
            drawing.next_link = None


def _line(canvas: Canvas, style: ParagraphStyle, size: float, x: float, y: float,
          text: str) -> PDFTextObject:
    line = canvas.beginText(x, y)
    line.setFont(style.fontName, size)
    line.setFillColor(style.textColor)
    line.textLine(text)
    return line
