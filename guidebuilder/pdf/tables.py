"""Comparison tables, laid out as row pieces that reportlab never has to split."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import SetTopFlowables

from guidebuilder.brand.model import Brand
from guidebuilder.guide.richtext import Paragraph as MdParagraph
from guidebuilder.guide.richtext import RichText
from guidebuilder.pdf.blocks import rich_flowables
from guidebuilder.pdf.structure import COLUMN_HEADER, ROW_HEADER, Elem, ListMaker
from guidebuilder.pdf.styles import Styles
from guidebuilder.pdf.tagged import TaggedParagraph
from guidebuilder.plan.document import Table as PlanTable
from guidebuilder.plan.layout import BULLET, dimension_share, header_names

CELL_PAD = 6.0
Cell = str | Paragraph | list[Flowable]  # what a table cell holds: nothing, a paragraph, a column
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


@dataclass(frozen=True)
class ComparisonTables:
    """Lays out the plan's comparison tables in the brand's colours; no piece of a row is taller
    than ``piece_height``."""

    brand: Brand
    styles: Styles
    piece_height: float

    def flowables(self, table: PlanTable, width: float, parent: Elem) -> list[Flowable]:
        """A comparison table as one small table per row piece: tall rows are cut into pieces
        of at most ``piece_height``, and the header row is repeated at the top of every page
        the table continues on. Nothing is ever split by reportlab, so cost stays linear.
        Tagged as one Table in ``parent``: the pieces of a row share their TR, TH and TD, and
        the repeated header rows are artifacts."""
        s, page = self.styles, self.brand.surfaces.page
        count = len(table.columns)
        first = width * dimension_share(count)
        widths = [first] + [(width - first) / count] * count
        elem = parent.add("Table")
        header = self._header(table, widths, elem.add("THead").add("TR"))
        body = elem.add("TBody")
        pieces_out: list[Flowable] = []
        for index, row in enumerate(table.rows):
            tr = body.add("TR")
            cells: list[list[Flowable]] = [[TaggedParagraph(
                s.markup.text(row.dimension), s.cell_dimension, tag=tr.add("TH", attrs=ROW_HEADER))]]
            cells += [self._cell(points, tr.add("TD")) for points in row.cells]
            pieces = [_chunks(cell, w - 2 * CELL_PAD, self.piece_height) for cell, w in
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

    def _header(self, table: PlanTable, widths: list[float], tr: Elem) -> Table:
        fill = self.brand.colors.primary
        style = self.styles.cell_head.clone("cell_head_ink",
                                            textColor=HexColor(self.brand.ink_on(fill)))
        names = header_names(table.columns, table.short_columns)
        tr.add("TH", attrs=COLUMN_HEADER, keep=True)  # the corner above the dimensions
        cells = [TaggedParagraph(self.styles.markup.text(name), style,
                                 tag=tr.add("TH", attrs=COLUMN_HEADER)) for name in names]
        return self._row_table(["", *cells], widths, fill, valign="MIDDLE")

    def _row_table(self, cells: list[Cell], widths: list[float], fill: str, valign: str = "TOP",
                   rule: bool = False, pad_top: bool = True, pad_bottom: bool = True) -> Table:
        commands: list[TableCommand] = [
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

    def _cell(self, points: tuple[RichText, ...], td: Elem) -> list[Flowable]:
        """A cell's flowables: several points become bullets, one point stays plain text."""
        s = self.styles
        flow: list[Flowable] = []
        lists = ListMaker(td)
        for point in points:
            blocks = point.blocks
            if len(points) > 1 and len(blocks) == 1 and isinstance(blocks[0], MdParagraph):
                lbl, body = lists.item(0)
                flow.append(TaggedParagraph(s.markup.runs(blocks[0].runs), s.cell_bullet,
                                            bulletText=BULLET, tag=body, lbl=lbl))
            else:
                lists = ListMaker(td)
                flow.extend(rich_flowables(point, s.markup, s.cell, s.cell_bullet, td))
        return flow or [TaggedParagraph("–", s.cell, tag=td.add("P"))]


def _chunks(flowables: list[Flowable], width: float, limit: float) -> list[list[Flowable]]:
    """Cut a cell's flowables into pieces no taller than ``limit``, splitting paragraphs."""
    pieces: list[list[Flowable]] = [[]]
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
