"""Lay out the handbook: cover, contents, chapters, tables, ladders and FAQ as platypus flowables."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import SetTopFlowables
from reportlab.platypus.tableofcontents import TableOfContents

from guidebuilder.brand.model import Brand
from guidebuilder.errors import Problem
from guidebuilder.guide.richtext import BulletList, RichText
from guidebuilder.guide.richtext import Paragraph as MdParagraph
from guidebuilder.pdf.contents import Entry, remember_contents, seed_contents
from guidebuilder.pdf.flowables import Heading, LadderDiagram
from guidebuilder.pdf.pages import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    cover_band,
    make_canvas_class,
    page_background,
    page_size,
)
from guidebuilder.pdf.pictures import picture_flowable
from guidebuilder.pdf.styles import Styles, build_styles
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Element,
    Ladder,
    Prose,
    Questions,
    RenderOptions,
    Section,
    SectionKind,
)
from guidebuilder.plan.document import (
    Table as PlanTable,
)
from guidebuilder.plan.layout import (
    BULLET,
    LADDER_STEPS,
    WIDE_TABLE_COLUMNS,
    bullet_marker,
    dimension_share,
    header_names,
)
from guidebuilder.text.measure import shorten

CELL_PAD = 6.0
CONTENTS_LIMIT = 160  # characters of a heading shown in the contents and the bookmarks


class _Handbook(BaseDocTemplate):
    """Doc template that turns Heading flowables into bookmarks, outline and contents entries;
    ``entries`` holds the contents entries of the latest layout pass."""

    entries: list[Entry]

    def beforeDocument(self) -> None:
        self.entries = []

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, Heading) and flowable.key:
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline, flowable.key, flowable.level, closed=False)
            if flowable.contents:
                entry = (flowable.level, flowable.contents, self.page, flowable.key)
                self.entries.append(entry)
                self.notify("TOCEntry", entry)


class _Story:
    """Builds the flowables for one plan."""

    def __init__(self, plan: DocumentPlan, brand: Brand, styles: Styles, width: float,
                 wide_width: float, frame_height: float) -> None:
        self.plan = plan
        self.frame_height = frame_height
        self.brand = brand
        self.styles = styles
        self.width = width
        self.wide_width = wide_width
        self.flowables: list = []
        self.toc: TableOfContents | None = None
        self.headings: list[Heading] = []  # those with a contents line, in order

    def md(self, runs) -> str:
        return self.styles.markup.runs(runs)

    def text(self, text: str) -> str:
        return self.styles.markup.text(text)

    def rich(self, text: RichText, style=None, bullet_style=None) -> list:
        style = style or self.styles.body
        bullet_style = bullet_style or self.styles.bullet
        out: list = []
        for block in text.blocks:
            if isinstance(block, MdParagraph):
                out.append(Paragraph(self.md(block.runs), style))
            elif isinstance(block, BulletList):
                for item in block.items:
                    bullet = bullet_marker(item.number, item.level)
                    indent = bullet_style.leftIndent * item.level
                    item_style = bullet_style.clone(f"{bullet_style.name}{item.level}",
                                                    leftIndent=bullet_style.leftIndent + indent,
                                                    bulletIndent=bullet_style.bulletIndent + indent)
                    out.append(Paragraph(self.md(item.runs), item_style, bulletText=bullet))
        return out

    def build(self) -> list:
        self.cover()
        self.contents()
        for index, section in enumerate(self.plan.sections):
            self.section(section, 0, index)
        return self.flowables

    def cover(self) -> None:
        meta, s = self.plan.meta, self.styles
        add = self.flowables.append
        add(Spacer(1, 60))
        large = self.brand.logos.large
        logo = large.on(self.brand.surfaces.page.background) if large else None
        if logo:
            add(picture_flowable(logo, 140, 70))
            add(Spacer(1, 40))
        else:
            add(Spacer(1, 110))
        add(Heading(self.text(meta.title), s.cover_title, "cover", 0,
                    shorten(meta.title, CONTENTS_LIMIT)))
        if meta.subtitle:
            add(Paragraph(self.text(meta.subtitle), s.cover_subtitle))
        add(Spacer(1, 36))
        if self.brand.meta.name:
            add(Paragraph(f"<b>{self.text(self.brand.meta.name)}</b>", s.body))
        if meta.credits:
            add(Paragraph(self.text(meta.credits), s.cover_text))
        if meta.date_line:
            add(Paragraph(self.text(meta.date_line), s.cover_text))
        add(NextPageTemplate("body"))
        add(PageBreak())

    def contents(self) -> None:
        label = self.plan.meta.labels.contents
        self.flowables.append(Heading(self.text(label), self.styles.h1, "contents", 0,
                                      shorten(label, CONTENTS_LIMIT)))
        self.toc = toc = TableOfContents(levelStyles=list(self.styles.toc), dotsMinLevel=0,
                              rightColumnWidth=40, tableStyle=TableStyle([
                                  ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts["base"]),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        self.flowables.extend([toc, PageBreak()])

    def section(self, section: Section, depth: int, index: int) -> None:
        add = self.flowables.append
        wide = any(isinstance(e, PlanTable) and len(e.columns) >= WIDE_TABLE_COLUMNS
                   for e in section.elements)
        if wide:
            add(NextPageTemplate("wide"))
            add(PageBreak())
        elif depth == 0 and (section.kind in (SectionKind.ROLE, SectionKind.FAQ) or index == 0
                             or self._after_wide(index)):
            if index > 0:
                add(PageBreak())
        elif depth == 0 and section.kind is not SectionKind.CLOSING:
            add(CondPageBreak(120))
        start = len(self.flowables)
        style = (self.styles.h1, self.styles.h2, self.styles.h3)[min(depth, 2)]
        short = shorten(section.title, CONTENTS_LIMIT)
        heading = Heading(self.text(section.title), style, section.key, depth, short,
                          self.text(short))
        self.headings.append(heading)
        add(heading)
        for element in section.elements:
            self.element(element, wide)
        if section.kind is SectionKind.CLOSING and start > 0:
            # the closing words never stand alone on a page: they take the last item before
            # them along when they do not fit under it
            self.flowables[start - 1:] = [KeepTogether(self.flowables[start - 1:])]
        for child in section.children:
            self.section(child, depth + 1, index)
        if wide:
            add(NextPageTemplate("body"))

    def _after_wide(self, index: int) -> bool:
        if not index:
            return False
        return any(isinstance(e, PlanTable) and len(e.columns) >= WIDE_TABLE_COLUMNS
                   for e in self.plan.sections[index - 1].elements)

    def element(self, element: Element, wide: bool) -> None:
        add, extend, s = self.flowables.append, self.flowables.extend, self.styles
        if isinstance(element, Prose):
            extend(self.rich(element.text))
        elif isinstance(element, Bullets):
            for task in element.items:
                for block in task.blocks:
                    runs = block.runs if isinstance(block, MdParagraph) else ()
                    if runs:
                        add(Paragraph(self.md(runs), s.bullet, bulletText=BULLET))
                    else:
                        extend(self.rich(RichText("", (block,))))
        elif isinstance(element, Definitions):
            for definition in element.items:
                term = Paragraph(self.text(definition.term), s.h3)
                body = self.rich(definition.body)
                extend(_with_lead(term, body))
        elif isinstance(element, PlanTable):
            extend(self.table(element, self.wide_width if wide else self.width))
            add(Spacer(1, s.body.fontSize))
        elif isinstance(element, Ladder):
            self.ladder(element)
        elif isinstance(element, Questions):
            for entry in element.items:
                label = self.text(self.plan.meta.labels.question)
                question = Paragraph(
                    f"<font color='{self.brand.surfaces.page.heading}'>{label}</font> "
                    f"{self.text(entry.question)}", s.question)
                answer = self.rich(entry.answer, s.answer)
                extend(_with_lead(question, answer))

    def table(self, table: PlanTable, width: float) -> list:
        """A comparison table as one small table per row piece: tall rows are cut into pieces
        of at most a fifth of a page, and the header row is repeated at the top of every page
        the table continues on. Nothing is ever split by reportlab, so cost stays linear."""
        s, page = self.styles, self.brand.surfaces.page
        count = len(table.columns)
        first = width * dimension_share(count)
        widths = [first] + [(width - first) / count] * count
        head_fill = self.brand.colors.primary
        head_style = s.cell_head.clone("cell_head_ink",
                                       textColor=HexColor(self.brand.ink_on(head_fill)))
        names = header_names(table.columns, table.short_columns)
        header = self._row_table(["", *(Paragraph(self.text(n), head_style) for n in names)],
                                 widths, head_fill, valign="MIDDLE")
        limit = self.frame_height / 5
        pieces_out: list = []
        for index, row in enumerate(table.rows):
            cells = [[Paragraph(self.text(row.dimension), s.cell_dimension)]]
            cells += [self.cell(points) for points in row.cells]
            pieces = [_chunks(cell, w - 2 * CELL_PAD, limit) for cell, w in
                      zip(cells, widths, strict=True)]
            depth = max(len(p) for p in pieces)
            fill = (page.background, page.shade)[index % 2]
            for level in range(depth):
                pieces_out.append(self._row_table(
                    [p[level] if level < len(p) else "" for p in pieces], widths, fill,
                    rule=level == depth - 1, pad_top=level == 0, pad_bottom=level == depth - 1))
        if not pieces_out:
            return [header]
        return [KeepTogether([header, pieces_out[0]]), SetTopFlowables([header]),
                *pieces_out[1:], SetTopFlowables([])]

    def _row_table(self, cells: list, widths: list[float], fill: str, valign: str = "TOP",
                   rule: bool = False, pad_top: bool = True, pad_bottom: bool = True) -> Table:
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts["base"]),
            ("BACKGROUND", (0, 0), (-1, -1), HexColor(fill)),
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD - 1 if pad_top else 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD - 2 if pad_bottom else 0),
        ]
        if rule:
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5,
                             HexColor(self.brand.colors.tertiary)))
        return Table([cells], colWidths=widths, style=TableStyle(commands), hAlign="LEFT")

    def cell(self, points: tuple[RichText, ...]) -> list:
        """A cell's flowables: several points become bullets, one point stays plain text."""
        s = self.styles
        flow: list = []
        for point in points:
            blocks = point.blocks
            if len(points) > 1 and len(blocks) == 1 and isinstance(blocks[0], MdParagraph):
                flow.append(Paragraph(self.md(blocks[0].runs), s.cell_bullet, bulletText=BULLET))
            else:
                flow.extend(self.rich(point, s.cell, s.cell_bullet))
        return flow or [Paragraph("–", s.cell)]

    def ladder(self, ladder: Ladder) -> None:
        s = self.styles
        levels = ladder.levels
        for start in range(0, len(levels), LADDER_STEPS):
            chunk = levels[start:start + LADDER_STEPS]
            self.flowables.append(LadderDiagram([self.text(lv.term) for lv in chunk],
                                                self.brand, s.step, start + 1))
            self.flowables.append(Spacer(1, s.body.fontSize))
        for number, level in enumerate(levels, start=1):
            term = Paragraph(f"{number}. {self.text(level.term)}",
                             s.h3.clone("level", fontSize=s.body.fontSize + 0.5,
                                        spaceBefore=s.body.fontSize * 0.6))
            body = self.rich(level.body)
            self.flowables.extend(_with_lead(term, body))
        self.flowables.append(Spacer(1, s.body.fontSize * 0.6))


def _with_lead(head: Paragraph, body: list) -> list:
    """``head`` kept on the page of the first body paragraph, never alone at a page foot."""
    head.keepWithNext = 0  # KeepTogether does it; chained keep-with-next can loop in reportlab
    return [KeepTogether([head, body[0]]), *body[1:]] if body else [head]


def _chunks(flowables: list, width: float, limit: float) -> list[list]:
    """Cut a cell's flowables into pieces no taller than ``limit``, splitting paragraphs."""
    pieces: list[list] = [[]]
    used = 0.0
    queue = list(flowables)
    while queue:
        flowable = queue.pop(0)
        height = flowable.wrap(width, limit)[1] + flowable.getSpaceAfter()
        if used + height <= limit:
            pieces[-1].append(flowable)
            used += height
            continue
        parts = flowable.split(width, limit - used) if limit - used > 24 else []
        if len(parts) >= 2:
            pieces[-1].append(parts[0])
            queue[:0] = parts[1:]
        elif not pieces[-1]:  # cannot be split: it gets a piece of its own
            pieces[-1].append(flowable)
        else:
            queue.insert(0, flowable)
        pieces.append([])
        used = 0.0
    return [piece for piece in pieces if piece]


def render_pdf(plan: DocumentPlan, brand: Brand, target: Path | BinaryIO,
               options: RenderOptions) -> list[Problem]:
    """Write the handbook for ``plan`` styled by ``brand`` to ``target`` (no warnings)."""
    styles = build_styles(brand)
    size = page_size(brand)
    wide = page_size(brand, wide=True)
    meta = plan.meta

    def frame(dimensions: tuple[float, float], name: str) -> Frame:
        return Frame(MARGIN_X, MARGIN_BOTTOM, dimensions[0] - 2 * MARGIN_X,
                     dimensions[1] - MARGIN_TOP - MARGIN_BOTTOM, id=name,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = _Handbook(
        target if isinstance(target, str) else (str(target) if isinstance(target, Path) else target),
        pagesize=size, title=meta.title, author=brand.meta.name, subject=meta.subtitle or meta.title,
        creator="guidebuilder", producer="guidebuilder", lang=meta.language, invariant=1,
        initialFontName=styles.fonts["base"], initialFontSize=brand.typography.base_size,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, displayDocTitle=1,
    )
    doc.addPageTemplates([
        PageTemplate("cover", [frame(size, "cover")], pagesize=size,
                     onPage=cover_band(brand, styles.fonts["heading"], styles.markup.codes)),
        PageTemplate("body", [frame(size, "body")], pagesize=size, onPage=page_background(brand)),
        PageTemplate("wide", [frame(wide, "wide")], pagesize=wide, onPage=page_background(brand)),
    ])
    story = _Story(plan, brand, styles, size[0] - 2 * MARGIN_X, wide[0] - 2 * MARGIN_X,
                   wide[1] - MARGIN_TOP - MARGIN_BOTTOM)
    flowables = story.build()
    canvas_class = make_canvas_class(brand, meta.title, meta.labels.page, styles.fonts,
                                     styles.markup.codes)
    if story.toc is not None and options.use_cache:
        seed_contents(story.toc, story.headings)
    doc.multiBuild(flowables, canvasmaker=canvas_class)
    if options.use_cache:
        remember_contents(doc.entries)
    return []
