"""Comparison tables on slides: measured row heights, header repeated on every continuation."""

from __future__ import annotations

from collections import deque
from types import SimpleNamespace

from guidebuilder.deck.design import Box, Design
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import RichText, Run
from guidebuilder.plan.document import Table, TableRow
from guidebuilder.plan.layout import dimension_share, header_names
from guidebuilder.text.blocks import TextBlock, blocks_height, fill_page

Cells = list[list[TextBlock]]


class _Tables:
    """What laying out a table on slides needs: the writer, its design, the labels, the footer."""

    def __init__(self, writer: SlideWriter, labels: SimpleNamespace, footer: str) -> None:
        self.writer = writer
        self.design: Design = writer.design
        self.labels = labels
        self.footer = footer

    def blocks(self, text: RichText, size: float, bullets: bool = True) -> list[TextBlock]:
        return rich_blocks(text, size, self.design, bullets)


def table_slides(writer: SlideWriter, labels: SimpleNamespace, footer: str, title: str,
                 table: Table) -> None:
    """Slides holding ``table``. Many roles are shown a few columns at a time (the dimension
    column repeated); rows and, if need be, cells are split across slides."""
    composer = _Tables(writer, labels, footer)
    per_slide = 4 if composer.design.width > composer.design.height * 1.5 else 3
    count = len(table.columns)
    groups = -(-count // per_slide)
    size = -(-count // groups)
    for group in range(groups):
        chosen = range(group * size, min(count, (group + 1) * size))
        part = Table(tuple(table.columns[i] for i in chosen),
                     tuple(table.short_columns[i] for i in chosen),
                     tuple(TableRow(row.dimension, tuple(row.cells[i] for i in chosen))
                           for row in table.rows))
        _table_part(composer, title, part, continued=group > 0)


def _table_part(composer: _Tables, title: str, table: Table, continued: bool) -> None:
    d = composer.design
    box = d.body_box()
    count = len(table.columns)
    first = max(110.0, box.width * dimension_share(count))
    widths = [first] + [(box.width - first) / count] * count
    names = header_names(table.columns, table.short_columns)

    def header_height(size: float) -> float:
        return _height(composer, [[TextBlock((Run(n, bold=True),), size)] for n in ["", *names]],
                       widths, size)

    pages = None
    for size in d.table_sizes:
        rows = [_row(composer, row.dimension, row.cells, size) for row in table.rows]
        heights = [_height(composer, r, widths, size) for r in rows]
        if header_height(size) + sum(heights) <= box.height:
            pages = [(rows, heights)]
            break
    if pages is None:
        size = d.table_sizes[1]
        rows = [_row(composer, row.dimension, row.cells, size) for row in table.rows]
        pages = _paginate_rows(composer, rows, widths, size, box)
    for index, (page_rows, page_heights) in enumerate(pages):
        shown = title if index == 0 and not continued else f"{title} {composer.labels.continued}"
        notes = "\n\n".join(_row_notes(names, row) for row in page_rows)
        composer.writer.table_slide(shown, ["", *names], page_rows, widths,
                                    [header_height(size), *page_heights], size, composer.footer,
                                    notes)


def _row(composer: _Tables, dimension: str, cells: tuple, size: float) -> Cells:
    d = composer.design
    row: Cells = [[TextBlock((Run(dimension, bold=True),), size)]]
    for points in cells:
        blocks: list[TextBlock] = []
        for point in points:
            many = len(points) > 1
            for block in composer.blocks(point, size, bullets=many):
                blocks.append(TextBlock(block.runs, size, d.bullet_indent * 0.8 if many else 0.0,
                                        size * 0.35, block.bullet, block.level))
        row.append(blocks or [TextBlock((Run("–"),), size)])
    return row


def _inner(composer: _Tables, width: float) -> float:
    return composer.design.inner_width(Box(0, 0, width, 0))


def _height(composer: _Tables, row: Cells, widths: list[float], size: float) -> float:
    d = composer.design
    return max(blocks_height(d.measurer, cell, _inner(composer, w)) for cell, w in
               zip(row, widths, strict=True)) + 2 * d.inset_y + size * 0.4


def _paginate_rows(composer: _Tables, rows: list[Cells], widths: list[float], size: float,
                   box: Box) -> list[tuple[list[Cells], list[float]]]:
    """Rows grouped into slides; a row taller than the room left is split inside its cells.
    Every split moves at least one line on, so this always ends."""
    d = composer.design
    header = _height(composer, [[TextBlock((Run("X", bold=True),), size)]] * len(widths),
                     widths, size)
    room_total = box.height - header
    slack = 2 * d.inset_y + size * 0.4
    pages: list[tuple[list[Cells], list[float]]] = [([], [])]
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        used = sum(pages[-1][1])
        height = _height(composer, row, widths, size)
        if used + height <= room_total:
            pages[-1][0].append(row)
            pages[-1][1].append(height)
            continue
        if pages[-1][0] and (height <= room_total or room_total - used < 3 * size):
            pages.append(([], []))  # start the row (or its first part) on a fresh slide
            queue.insert(0, row)
            continue
        head, tail = _split_row(composer, row, widths, room_total - used - slack)
        if not any(head):  # no line fits the room left here: a fresh slide has more room
            pages.append(([], []))
            queue.insert(0, row)
            continue
        pages[-1][0].append(head)
        pages[-1][1].append(_height(composer, head, widths, size))
        queue.insert(0, tail)
        pages.append(([], []))
    return [page for page in pages if page[0]]


def _split_row(composer: _Tables, row: Cells, widths: list[float],
               room: float) -> tuple[Cells, Cells]:
    """The part of each cell (the dimension too) that fits ``room``, and the rest."""
    d = composer.design
    head: Cells = []
    tail: Cells = []
    for cell, width in zip(row, widths, strict=True):
        inner = _inner(composer, width)
        queue = deque(cell)
        fits = fill_page(d.measurer, queue, inner, room) if room > 0 and cell else []
        if fits and blocks_height(d.measurer, fits, inner) > room:
            fits, queue = [], deque(cell)
        head.append(fits)
        tail.append(list(queue))
    if any(head) and not tail[0]:  # the dimension is done: name it again on the next part
        label = "".join(r.text for r in row[0][0].runs) if row[0] and row[0][0].runs else ""
        if not label.endswith(composer.labels.continued):
            label = f"{label} {composer.labels.continued}"
        tail[0] = [TextBlock((Run(label, bold=True),), row[0][0].size if row[0] else 14.0)]
    return head, tail


def _row_notes(names: list[str], row: Cells) -> str:
    dimension = "".join(r.text for r in row[0][0].runs)
    parts = [dimension]
    for name, cell in zip(names, row[1:], strict=True):
        text = " ".join("".join(r.text for r in b.runs) for b in cell)
        if text:
            parts.append(f"{name}: {text}")
    return "\n".join(parts)
