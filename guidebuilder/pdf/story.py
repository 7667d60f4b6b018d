"""The handbook's flowables in reading order: cover, contents, chapters and their elements."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)

from guidebuilder.brand.model import Brand
from guidebuilder.brand.plates import logo_on
from guidebuilder.guide.richtext import Paragraph as MdParagraph
from guidebuilder.guide.richtext import RichText
from guidebuilder.pdf.blocks import kept_together, lead_height, rich_flowables, with_lead
from guidebuilder.pdf.flowables import ChapterBreak, Heading, LadderDiagram
from guidebuilder.pdf.pictures import picture_flowable
from guidebuilder.pdf.structure import ListMaker, StructTree, heading_role
from guidebuilder.pdf.styles import Styles, indented
from guidebuilder.pdf.tables import ComparisonTables
from guidebuilder.pdf.tagged import Figure, TaggedContents, TaggedParagraph
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Element,
    Ladder,
    Prose,
    Questions,
    Section,
)
from guidebuilder.plan.document import Table as PlanTable
from guidebuilder.plan.layout import (
    BULLET,
    CHAPTER_ROOM,
    LADDER_STEPS,
    PageStart,
    chapter_start,
    header_key,
    keeps_with_previous,
    needs_wide_page,
    part_start,
    shares_wide_page,
)
from guidebuilder.text.measure import shorten

KEPT_LIST = 4  # items of a list at most, kept on one page
SHARED_PAGE_FILL = 0.92  # of a landscape page two chapters may fill to share it
CONTENTS_SQUEEZE = 0.8  # contents lines may be set this much closer to keep to one page

CONTENTS_LIMIT = 160  # characters of a heading shown in the contents and the bookmarks


class Story:
    """Builds the flowables for one plan; ``toc`` and ``headings`` are the contents page and
    the headings with a contents line, in order, once ``build`` has run."""

    def __init__(self, plan: DocumentPlan, brand: Brand, styles: Styles, frame: tuple[float, float],
                 wide: tuple[float, float], tables: ComparisonTables, tree: StructTree) -> None:
        self.plan = plan
        self.root = tree.root
        self.depth = 0  # of the section being built: its heading is H1 at depth 0
        self.brand = brand
        self.styles = styles
        self.width, self.height = frame
        self.lead: int | None = None  # where the lead-in (heading, prose) before the next item began
        self.wide_width, self.wide_height = wide  # the landscape pages' frame
        self.tables = tables
        self.flowables: list[Flowable] = []
        self.toc: TaggedContents | None = None
        self.headings: list[Heading] = []
        self.contents_fit = True  # the contents keep to one page (known once they are made)
        self._together: dict[tuple[int, int], bool] = {}  # chapters' page sharing, measured

    def text(self, text: str) -> str:
        return self.styles.markup.text(text)

    def head(self, text: str) -> str:
        """Markup for text set in the heading font (its fallback fonts in the same weight)."""
        return self.styles.markup.heading(text)

    def rich(self, text: RichText, style: ParagraphStyle | None = None) -> list[Flowable]:
        """``text`` in ``style`` (the body's by default); its lists as far in as its
        paragraphs (an answer's list goes with the answer, not to the margin)."""
        body, bullet = self.styles.body, self.styles.bullet
        if style is not None:
            side = "rightIndent" if style.wordWrap == "RTL" else "leftIndent"
            extra = getattr(style, side) - getattr(body, side)
            if extra:
                bullet = indented(bullet, f"{bullet.name}-{style.name}", extra, extra)
        return rich_flowables(text, self.styles.markup, style or body, bullet, self.root,
                              kept=KEPT_LIST)

    def para(self, markup: str, style: ParagraphStyle, role: str = "P") -> TaggedParagraph:
        """A paragraph tagged as ``role`` in the document."""
        return TaggedParagraph(markup, style, tag=self.root.add(role))

    def build(self) -> list[Flowable]:
        self.cover()
        self.contents()
        for index, section in enumerate(self.plan.sections):
            start = chapter_start(self.plan, index, self.is_wide, self.together)
            if not shares_wide_page(self.plan, index, self.is_wide, self.together):
                self.section(section, 0, start)
                continue
            narrower = self.wide_width - self.width  # the portrait page's measure
            self.flowables.append(NextPageTemplate("wide"))
            self.page_start(start)
            self.flowables.append(Indenter(right=narrower))
            self.section(section, 0, PageStart.FLOW)
            self.flowables.append(Indenter(right=-narrower))
        return self.flowables

    def together(self, first: Section, then: Section) -> bool:
        """Whether chapter ``first`` (at the portrait measure) and the wide chapter ``then``
        fit one landscape page, measured once on a scratch story (its tags go nowhere); never
        for the first chapter when the contents spill onto the page it would have followed."""
        key = (id(first), id(then))
        if key not in self._together:
            self._together[key] = self._fit_together(first, then)
        return self._together[key]

    def _fit_together(self, first: Section, then: Section) -> bool:
        def height(section: Section, width: float) -> float:
            scratch = Story(self.plan, self.brand, self.styles, (self.width, self.height),
                            (self.wide_width, self.wide_height), self.tables,
                            StructTree(self.plan.meta.title, self.plan.meta.language))
            scratch.section(section, 0, PageStart.FLOW)
            return lead_height(scratch.flowables, Canvas(BytesIO()), width, self.wide_height)

        if first is self.plan.sections[0] and not self.contents_fit:
            return False  # lines of the contents spill onto the next page: it stays portrait
        return (height(first, self.width) + height(then, self.wide_width)
                <= self.wide_height * SHARED_PAGE_FILL)

    def cover(self) -> None:
        """The cover: logo, title, subtitle, credits and date; the space between them, then
        the credits' type, shrunk so that long credits still fit the page."""
        meta, s = self.plan.meta, self.styles
        logo, plate = logo_on(self.brand.logos.large, self.brand.surfaces.page.background,
                              self.brand.colors)
        figure = None
        if logo:  # its element first: the tags follow the order elements are made in
            fonts = (s.fonts["regular"], s.fonts["bold"])
            figure = Figure(picture_flowable(logo, 140, 70, fonts, plate),
                            self.root.add("Figure", alt=logo.alt))
            if s.rtl:  # where the cover's text begins
                figure.hAlign = "RIGHT"
        heads: list[Flowable] = [Heading(self.head(meta.title), s.cover_title, "cover", 0,
                                         shorten(meta.title, CONTENTS_LIMIT),
                                         tag=self.root.add("Title"))]
        if meta.subtitle:
            heads.append(self.para(self.text(meta.subtitle), s.cover_subtitle))
        lines = [self.text(text) for text in (meta.credits, meta.date_line) if text]
        room_for_lines = self.height - 80 - (70 if figure else 0) - _height(heads, self.width)
        style = _fitting(lines, s.cover_text, self.width, room_for_lines)
        texts = [self.para(line, style) for line in lines]
        spare = room_for_lines + 76 - _height(texts, self.width)
        room = max(0.0, min(1.0, spare / (60 + 36 + (40 if figure else 110))))
        add = self.flowables.append
        add(Spacer(1, 60 * room))
        if figure:
            add(figure)
        add(Spacer(1, (40 if figure else 110) * room))
        self.flowables += [*heads, Spacer(1, 36 * room), *texts]
        add(NextPageTemplate("body"))
        add(PageBreak())

    def contents(self) -> None:
        label = self.plan.meta.labels.contents
        self.flowables.append(Heading(self.head(label), self.styles.h1, "contents", 0,
                                      shorten(label, CONTENTS_LIMIT), tag=self.root.add("H1")))
        page_word = self.plan.meta.labels.page.partition("{page}")[0].strip()  # "Seite"
        self.toc = toc = TaggedContents(self.root.add("TOC"), page_word,
                                        levelStyles=self.contents_styles(), dotsMinLevel=0,
                              rightColumnWidth=40, tableStyle=TableStyle([
                                  ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts["base"]),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        self.flowables.append(toc)  # the first chapter says where it begins

    def contents_styles(self) -> list[ParagraphStyle]:
        """The contents' line styles; their lines set closer when that keeps the contents on
        one page rather than spill a few lines onto a page of their own."""
        styles = list(self.styles.toc)
        lines = [depth for depth, _ in _walk(self.plan.sections) if depth < len(styles)]
        h1 = self.styles.h1
        room = self.height - h1.leading - h1.spaceBefore - h1.spaceAfter
        need = sum(styles[depth].leading + styles[depth].spaceBefore for depth in lines)
        self.contents_fit = need <= room / CONTENTS_SQUEEZE
        if not room < need <= room / CONTENTS_SQUEEZE:
            return styles
        scale = room / need * 0.97
        return [style.clone(f"{style.name}-tight", leading=style.leading * scale,
                            spaceBefore=style.spaceBefore * scale,
                            fontSize=min(style.fontSize, style.leading * scale / 1.2))
                for style in styles]

    def section(self, section: Section, depth: int, start: PageStart) -> None:
        """``section`` and its parts, ``start`` saying where it begins (plan/layout.py)."""
        add = self.flowables.append
        wide = self.is_wide(section)
        if wide:
            add(NextPageTemplate("wide"))
        self.page_start(start)
        opening = self.flowables[-1] if start is PageStart.OWN_PAGE else None
        first = len(self.flowables)
        style = (self.styles.h1, self.styles.h2, self.styles.h3)[min(depth, 2)]
        short = shorten(section.title, CONTENTS_LIMIT)
        heading = Heading(self.head(section.title), style, section.key, depth, short,
                          self.text(short), tag=self.root.add(heading_role(depth)))
        self.depth = depth
        self.headings.append(heading)
        self.lead = len(self.flowables)
        add(heading)
        for element in section.elements:
            self.element(element, self.wide_width if wide else self.width)
        if keeps_with_previous(section) and first > 0:
            self.flowables[first - 1:] = [kept_together(self.flowables[first - 1:])]
        for child in section.children:
            self.section(child, depth + 1, part_start(child, self.is_wide))
        if isinstance(opening, ChapterBreak):
            opening.chapter = self.flowables[first:]
        if wide:
            add(NextPageTemplate("body"))

    def is_wide(self, section: Section) -> bool:
        """Whether ``section`` is set on landscape pages: one of its tables does not fit the
        portrait page at a readable size."""
        return needs_wide_page(section) and not all(
            self.tables.fits(element, self.width) for element in section.elements
            if isinstance(element, PlanTable))

    def page_start(self, start: PageStart) -> None:
        match start:
            case PageStart.NEW_PAGE:
                self.flowables.append(PageBreak())
            case PageStart.OWN_PAGE:
                self.flowables.append(ChapterBreak(self.height))
            case PageStart.ROOMY:
                self.flowables.append(CondPageBreak(CHAPTER_ROOM))
            case PageStart.FLOW:
                pass
            case _:
                assert_never(start)

    def element(self, element: Element, width: float) -> None:
        """``element`` in a frame ``width`` points wide."""
        add, extend, s = self.flowables.append, self.flowables.extend, self.styles
        lead, self.lead = self.lead, None
        match element:
            case Prose():
                extend(self.rich(element.text))
                self.lead = lead
            case Bullets():
                self.bullets(element)
            case Definitions():
                for definition in element.items:
                    term = self.para(self.head(definition.term), s.h3, heading_role(self.depth + 1))
                    extend(with_lead(term, self.rich(definition.body)))
            case PlanTable():
                self.keep_lead(lead, self.tables.flowables(element, width, self.root))
                key = header_key(element.columns, element.short_columns)
                if key:  # what shortened headers stand for, right under the table
                    add(self.para(self.text(key), s.cell))
                add(Spacer(1, s.body.fontSize))
            case Ladder():
                self.ladder(element, lead)
            case Questions():
                self.questions(element)
            case _:
                assert_never(element)

    def bullets(self, bullets: Bullets) -> None:
        lists = ListMaker(self.root)
        for task in bullets.items:
            for block in task.blocks:
                runs = block.runs if isinstance(block, MdParagraph) else ()
                if runs:
                    lbl, body = lists.item(0)
                    self.flowables.append(TaggedParagraph(self.styles.markup.runs(runs),
                                                          self.styles.bullet, bulletText=BULLET,
                                                          tag=body, lbl=lbl))
                else:
                    lists = ListMaker(self.root)
                    self.flowables.extend(self.rich(RichText("", (block,))))

    def questions(self, questions: Questions) -> None:
        s = self.styles
        for entry in questions.items:
            label = self.head(self.plan.meta.labels.question)
            question = self.para(
                f"<font color='{self.brand.surfaces.page.heading}'>{label}</font> "
                f"{self.head(entry.question)}", s.question, heading_role(self.depth + 1))
            self.flowables.extend(with_lead(question, self.rich(entry.answer, s.answer)))

    def keep_lead(self, lead: int | None, flowables: list[Flowable]) -> None:
        """Add ``flowables``, the first kept on one page with the heading and lead-in that
        begin at ``lead`` (when there are such)."""
        if lead is not None and flowables:
            self.flowables[lead:] = [kept_together([*self.flowables[lead:], flowables[0]])]
            flowables = flowables[1:]
        self.flowables.extend(flowables)

    def ladder(self, ladder: Ladder, lead: int | None) -> None:
        s = self.styles
        levels = ladder.levels
        for start in range(0, len(levels), LADDER_STEPS):
            chunk = levels[start:start + LADDER_STEPS]
            alt = "; ".join(f"{start + n}. {lv.term}" for n, lv in enumerate(chunk, start=1))
            figure = self.root.add("Figure", alt=f"{self.plan.meta.labels.career}: {alt}")
            titles = [s.markup.text(lv.term, bold=True) for lv in chunk]  # the step style is bold
            self.keep_lead(lead if start == 0 else None, [
                Figure(LadderDiagram(titles, self.brand, s.step, start + 1), figure),
                Spacer(1, s.body.fontSize)])
        entries: list[list[Flowable]] = []
        for number, level in enumerate(levels, start=1):
            body = self.rich(level.body)
            if not body:  # a step without text: the diagram names it, the list just counts it
                entries.append([self.para(f"{number}. {self.text(level.term)}", s.body)])
                continue
            term = self.para(f"{number}. {self.head(level.term)}",
                             s.h3.clone("level", fontSize=s.body.fontSize + 0.5,
                                        spaceBefore=s.body.fontSize * 0.6),
                             heading_role(self.depth + 1))
            entries.append(with_lead(term, body))
        # the diagram stays with the first two levels it draws, not with one alone at a foot
        if entries:
            second = entries[1] if len(entries) > 1 else []
            self.flowables[-2:] = [kept_together([*self.flowables[-2:], *entries[0], *second[:1]])]
            self.flowables += [*second[1:], *(f for entry in entries[2:] for f in entry)]
        self.flowables.append(Spacer(1, s.body.fontSize * 0.6))


def _walk(sections: Sequence[Section], depth: int = 0) -> list[tuple[int, Section]]:
    """Every section with its depth, in reading order (the contents' lines)."""
    return [item for section in sections
            for item in [(depth, section), *_walk(section.children, depth + 1)]]


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def _fitting(lines: list[str], style: ParagraphStyle, width: float,
             height: float) -> ParagraphStyle:
    """``style``, set smaller (never below 6 pt) until ``lines`` fit ``height``."""
    while (_height([Paragraph(line, style) for line in lines], width) > height
           and style.fontSize * 0.9 >= 6):
        style = style.clone(f"{style.name}-", fontSize=style.fontSize * 0.9,
                            leading=style.leading * 0.9, spaceAfter=style.spaceAfter * 0.9)
    return style
