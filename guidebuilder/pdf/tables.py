"""Comparison tables, laid out one small table per row: whole rows, or tall ones split in line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import SetTopFlowables

from guidebuilder.brand.model import Brand
from guidebuilder.guide.richtext import Paragraph as MdParagraph
from guidebuilder.guide.richtext import RichText
from guidebuilder.pdf.blocks import kept_together, rich_flowables
from guidebuilder.pdf.structure import COLUMN_HEADER, ROW_HEADER, Elem, ListMaker
from guidebuilder.pdf.styles import Markup, Styles
from guidebuilder.pdf.tagged import TaggedParagraph
from guidebuilder.plan.document import Table as PlanTable
from guidebuilder.plan.layout import BULLET, dimension_share, header_names
from guidebuilder.text.direction import has_right_to_left
from guidebuilder.text.hyphens import Hyphenator

CELL_PAD = 6.0
MIN_CELL_SIZE = 8.0  # points: the smallest readable type in a table cell
SPLIT_SHARE = 0.5  # a row taller than this share of a page may be split inside, its pieces
# lined up (every cell cut at the same height); a shorter one moves whole to the next page
Cell = str | Paragraph | list[Flowable]  # what a table cell holds: nothing, a paragraph, a column
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


@dataclass(frozen=True)
class CellStyles:
    """The paragraph styles of one table's cells, all at one size."""

    cell: ParagraphStyle
    bullet: ParagraphStyle
    head: ParagraphStyle
    dimension: ParagraphStyle


@dataclass(frozen=True)
class ComparisonTables:
    """Lays out the plan's comparison tables in the brand's colours on pages whose frame is
    ``page_height`` points high."""

    brand: Brand
    styles: Styles
    page_height: float

    def fits(self, table: PlanTable, width: float) -> bool:
        """Whether ``table`` fits ``width`` with its cell text at a readable size."""
        return self._cell_size(table, width) is not None

    def flowables(self, table: PlanTable, width: float, parent: Elem) -> list[Flowable]:
        """A comparison table as one small table per row, each moved whole to the next page
        when it does not fit, or, when it is very tall, cut where the page ends with every
        cell cut at the same height; the header row is repeated at the top of every page the
        table continues on. Tagged as one Table in ``parent``: the pieces of a row share their
        TR, TH and TD, and the repeated header rows are artifacts."""
        page = self.brand.surfaces.page
        count = len(table.columns)
        first = width * dimension_share(count)
        widths = [first] + [(width - first) / count] * count
        styles = self._cell_styles(self._cell_size(table, width) or MIN_CELL_SIZE,
                                   widths[1] - 2 * CELL_PAD, first - 2 * CELL_PAD)
        elem = parent.add("Table")
        header = self._header(table, widths, elem.add("THead").add("TR"), styles)
        body = elem.add("TBody")
        rows: list[Flowable] = []
        for index, row in enumerate(table.rows):
            tr = body.add("TR")
            cells: list[Cell] = [[TaggedParagraph(self.styles.markup.heading(row.dimension),
                                                  styles.dimension,
                                                  tag=tr.add("TH", attrs=ROW_HEADER))]]
            cells += [self._cell(points, tr.add("TD"), styles) for points in row.cells]
            fill = (page.background, page.shade)[index % 2]
            last = index == len(table.rows) - 1
            rows.append(self._row_table(cells, widths, fill, rules=(
                *(("LINEABOVE",) if index else ()), *(("LINEBELOW",) if last else ())),
                                        split=round(styles.cell.leading * 3 + CELL_PAD)))
        if not rows:
            return [header]
        return [kept_together([header, rows[0]]), SetTopFlowables([header]),
                *rows[1:], SetTopFlowables([])]

    def _cell_size(self, table: PlanTable, width: float) -> float | None:
        """The cell text size at which the longest word of every column fits its width:
        the brand's cell size or smaller, never below ``MIN_CELL_SIZE`` (None: it does not fit)."""
        count = len(table.columns)
        first = width * dimension_share(count)
        column = (width - first) / count - 2 * CELL_PAD
        cell, head = self.styles.cell, self.styles.cell_head
        longest = self._longest
        need = max([longest(cell.fontName, _words(points)) for row in table.rows
                    for points in row.cells] + [longest(head.fontName, table.short_columns, True)]
                   + [0.0])
        need_first = max([longest(head.fontName, [row.dimension], True) for row in table.rows]
                         + [0.0])
        size = min(cell.fontSize, column / max(need, 1e-6) * 0.98,
                   (first - 2 * CELL_PAD) / max(need_first, 1e-6) * 0.98)
        return size if size >= MIN_CELL_SIZE else None

    def _longest(self, font: str, texts: Iterable[str], heading: bool = False) -> float:
        """The width at 1 pt of the longest word in ``texts`` set in ``font`` (a heading
        font: the fallback fonts' bold face when headings are bold)."""
        markup = self.styles.markup
        bold = heading and markup.heading_style[0]
        return max((_width(word, font, markup, bold) for text in texts for word in text.split()),
                   default=0.0)

    def _cell_styles(self, size: float, column: float, first: float) -> CellStyles:
        """The cell styles at ``size``; a word wider than its column (``first``: the first
        column's) is hyphenated, on the next line when that is where it fits, not cut a
        letter at a time ("Communicat|es"); a compound breaks after its own hyphens."""
        s = self.styles

        def scaled(style: ParagraphStyle, room: float = column) -> ParagraphStyle:
            ratio = size / s.cell.fontSize
            return style.clone(f"{style.name}{size:.2f}", fontSize=style.fontSize * ratio,
                               leading=style.leading * ratio,
                               spaceAfter=style.spaceAfter * ratio,
                               leftIndent=style.leftIndent * ratio,
                               rightIndent=style.rightIndent * ratio,
                               hyphenationLang=self._too_long(style, size, room),
                               embeddedHyphenation=2 if self.styles.hyphenation else 0)

        return CellStyles(scaled(s.cell), scaled(s.cell_bullet), scaled(s.cell_head),
                          scaled(s.cell_dimension, first))

    def _too_long(self, style: ParagraphStyle, size: float, room: float) -> Hyphenator | str:
        """reportlab's hyphenator for a cell ``room`` points wide: the ways to break a word
        wider than that, none for another (a bold word is wider than measured here: a tenth
        is spared for it)."""
        hyphenate, markup = self.styles.hyphenation, self.styles.markup
        if hyphenate is None:
            return ""
        bold = style.fontName != self.styles.cell.fontName and markup.heading_style[0]

        def pairs(word: str) -> list[tuple[str, str]]:
            wide = _width(word, style.fontName, markup, bold) * size * 1.1 > room - style.leftIndent
            return hyphenate(word) if wide else []

        return pairs

    def _header(self, table: PlanTable, widths: list[float], tr: Elem,
                styles: CellStyles) -> Table:
        fill = self.brand.colors.primary
        style = styles.head.clone("cell_head_ink",
                                            textColor=HexColor(self.brand.ink_on(fill)))
        names = header_names(table.columns, table.short_columns)
        tr.add("TH", attrs=COLUMN_HEADER, keep=True)  # the corner above the dimensions
        cells = [TaggedParagraph(self.styles.markup.heading(name), style,
                                 tag=tr.add("TH", attrs=COLUMN_HEADER)) for name in names]
        return self._row_table(["", *cells], widths, fill, valign="MIDDLE")

    def _row_table(self, cells: list[Cell], widths: list[float], fill: str, valign: str = "TOP",
                   rules: tuple[str, ...] = (), split: int = 0) -> Table:
        """One row, ruled by ``rules`` ("LINEABOVE" and "LINEBELOW": each row is drawn over
        the one before, so a rule between two is the lower one's, above it); one taller than
        ``SPLIT_SHARE`` of a page may be split inside, into pieces at least ``split`` high."""
        commands: list[TableCommand] = [
            ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts["base"]),
            ("BACKGROUND", (0, 0), (-1, -1), HexColor(fill)),
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD - 2),
        ]
        commands += [(rule, (0, 0), (-1, -1), 0.5, HexColor(self.brand.colors.tertiary))
                     for rule in rules]
        if self.styles.rtl:  # the first column at the right (every command spans all cells)
            cells, widths = cells[::-1], widths[::-1]
        table = Table([cells], colWidths=widths, style=TableStyle(commands), hAlign="LEFT")
        height = table.wrap(sum(widths), self.page_height)[1] if split else 0.0
        if height > self.page_height * SPLIT_SHARE:
            # pieces of at least ``split``; any, for a row near a page tall or taller (each piece
            # inherits the minimum, and its last one may be shorter)
            piece = split if height <= self.page_height * 0.8 else 1
            table = Table([cells], colWidths=widths, style=TableStyle(commands), hAlign="LEFT",
                          splitInRow=piece)
        return table

    def _cell(self, points: tuple[RichText, ...], td: Elem, styles: CellStyles) -> list[Flowable]:
        """A cell's flowables: several points become bullets, one point stays plain text."""
        flow: list[Flowable] = []
        lists = ListMaker(td)
        for point in points:
            blocks = point.blocks
            if len(points) > 1 and len(blocks) == 1 and isinstance(blocks[0], MdParagraph):
                lbl, body = lists.item(0)
                flow.append(TaggedParagraph(self.styles.markup.runs(blocks[0].runs), styles.bullet,
                                            bulletText=BULLET, tag=body, lbl=lbl))
            else:
                lists = ListMaker(td)
                flow.extend(rich_flowables(point, self.styles.markup, styles.cell, styles.bullet,
                                           td))
        return flow or [TaggedParagraph("–", styles.cell, tag=td.add("P"))]


def _words(points: tuple[RichText, ...]) -> list[str]:
    return [block.plain for point in points for block in point.blocks]


def _width(word: str, font: str, markup: Markup, bold: bool) -> float:
    """The width of ``word`` at 1 pt: shaped, and in the fallback fonts for what ``font``
    lacks, when it needs either (as the paragraph will set it)."""
    if markup.simple(word) and not has_right_to_left(word):
        return stringWidth(word, font, 1.0)
    from guidebuilder.pdf.rtl import line_width

    return line_width(markup.font_runs(word, font, bold), 1.0)
