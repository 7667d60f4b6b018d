"""A comparison table laid out on slides: rows over as few slides as they fit, each slide's
type as large as it fits, a row too tall or too wordy for a slide cut inside its cells."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.shapes import Cell, SlideShapes
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import Table, TableRow
from guidebuilder.plan.layout import dimension_share, header_key, header_names, slide_form
from guidebuilder.text.blocks import (
    TextBlock,
    blocks_height,
    fill_page,
    scaled,
    spread_pages,
    word_count,
)
from guidebuilder.text.hyphens import hyphenator
from guidebuilder.text.measure import unbroken_pieces

Cells = list[list[TextBlock]]
TABLE_FILL = 0.8  # of the room a table of few rows takes, its rows made taller
LABEL_SHARE = 0.3  # of the table's width its first column may take to keep a label's words whole
HUDDLED_SIZE = 24.0  # a table slide set smaller than this should reach down
HUDDLED_SHARE = 0.6  # this share of the room, else its text huddles at the top
CELL_INDENT = 0.2  # of the bullet indent: how much less a cell indents its points


@dataclass
class TablePage:
    """The rows one slide shows, their heights, and which table rows they come from."""

    rows: list[Cells] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    lead: tuple[float, int] = (0.0, 0)  # the height and words above the table (a subtitle)

    def add(self, row: Cells, height: float, source: int) -> None:
        self.rows.append(row)
        self.heights.append(height)
        self.sources.append(source)


@dataclass(frozen=True)
class TableText:
    """What a comparison says around its table: the subtitle on its first slide, and the full
    introduction and closing notes for the speaker notes."""

    subtitle: str = ""
    intro_notes: str = ""
    closing_notes: str = ""


class TableLayout:
    """A table laid out on as many slides as it needs."""

    def __init__(self, writer: SlideWriter, table: Table, room: Box | None = None,
                 largest: float | None = None) -> None:
        self.writer = writer
        self.design: Design = writer.design
        self.labels = writer.labels
        self.table = table
        self.room = box = room or self.design.body_box()  # where the table goes on a slide
        sizes = self.design.table_sizes
        self.sizes = tuple(size for size in sizes if size <= (largest or sizes[0])) or sizes[-1:]
        count = len(table.columns)
        first = max(110.0, box.width * dimension_share(count), self._label_width())
        self.widths = [first] + [(box.width - first) / count] * count
        self.names = header_names(table.columns, table.short_columns)
        self.hyphenate = hyphenator(self.design.language)

    def _label_width(self) -> float:
        """The first column's width that keeps the longest word of a row label whole at the
        smallest table size (at most ``LABEL_SHARE`` of the room)."""
        d = self.design
        longest = max((d.measurer.width(word, self.sizes[-1], bold=True)
                       for row in self.table.rows for word in row.dimension.split()), default=0.0)
        return min(longest / 0.97 + 2 * d.inset_x + 1.0, self.room.width * LABEL_SHARE)

    def slides(self, title: str, text: TableText) -> None:
        """The table's slides; its subtitle goes to the notes alone when that saves a slide."""
        pages, text = self.fit(text)
        key = header_key(self.table.columns, self.table.short_columns)
        for index, (page, size) in enumerate(pages):
            notes = [text.intro_notes, key] if index == 0 else []
            notes += [row_notes(self.table, self.table.rows[i]) for i in dict.fromkeys(page.sources)]
            if index == len(pages) - 1:
                notes.append(text.closing_notes)
            self.slide(self.writer.continued(title, index, len(pages)),
                       "\n\n".join(n for n in notes if n), text.subtitle if index == 0 else "",
                       page, size)

    def fit(self, text: TableText) -> tuple[list[tuple[TablePage, float]], TableText]:
        """The slides' rows and type sizes under the subtitle, or with the subtitle moved to
        the notes alone (``text`` without it) when that saves a slide."""
        pages = self._pages_under(text.subtitle)
        if len(pages) > 1 and text.subtitle:
            alone = self._pages_under("")
            if len(alone) == 1:
                return alone, replace(text, subtitle="")
        return pages, text

    def slide(self, title: str, notes: str, subtitle: str, page: TablePage, size: float) -> None:
        """One slide of the table: ``page``'s rows at ``size`` under the title and subtitle."""
        slide, box, _ = self.writer.titled("comparison", title, notes, subtitle)
        self.draw(slide, box, page, size)

    def huddled(self, pages: list[tuple[TablePage, float]]) -> int:
        """How many slides of ``pages`` would show their rows in small type in the top part
        of the room, the rest left empty: the last row's text, once the rows are made taller
        (see ``draw``), ends above ``HUDDLED_SHARE`` of the room."""
        room = self.room.height
        count = 0
        for page, size in pages:
            used = self._header_height(size) + sum(page.heights)
            spare = max(0.0, (room - page.lead[0]) * TABLE_FILL - used)
            reach = page.lead[0] + used + spare * (len(page.heights) - 1) / len(page.heights)
            count += size < HUDDLED_SIZE and reach < HUDDLED_SHARE * room
        return count

    def words(self, page: TablePage) -> int:
        """The words a slide of the table shows: its header's and its rows'."""
        return sum(len(name.split()) for name in self.names) + sum(_words(row)
                                                                   for row in page.rows)

    def _pages_under(self, subtitle: str) -> list[tuple[TablePage, float]]:
        """The slides' rows and type sizes under ``subtitle``."""
        d = self.design
        lead = (self.writer.subtitle_height(subtitle) if subtitle else 0.0, len(subtitle.split()))
        budget = d.max_words - sum(len(n.split()) for n in self.names)
        return self._pages(self.room.height, budget, lead)

    def _pages(self, room: float, budget: int,
               lead: tuple[float, int]) -> list[tuple[TablePage, float]]:
        """The slides' rows and type sizes: the whole table at the largest size that fits one
        slide; else rows evenly over the fewest slides at the smallest size, each slide then
        set as large as its rows fit."""
        for size in self.sizes:
            rows = [self._row(row, size) for row in self.table.rows]
            pages = self._paginate(rows, size, room, budget, lead=lead)
            if len(pages) == 1 and not self._breaks_words(rows):
                return [(pages[0], size)]
        smallest = self.sizes[-1]
        sources = [s for page in pages for s in page.sources]
        if len(sources) == len(set(sources)):  # whole rows: spread them evenly
            pages = spread_pages(lambda share: self._paginate(rows, smallest, room * share,
                                                              int(budget * share), room, lead))
        return self.alike([self._grown(page, room) for page in pages])

    def alike(self, pages: list[tuple[TablePage, float]]) -> list[tuple[TablePage, float]]:
        """The slides of a table set at one size, the smallest any of them needs (each
        grown on its own jumped from 22 to 16 points and back, slide to slide)."""
        common = min((size for _, size in pages), default=0.0)
        return [(page, size) if size == common else self.at_most(page, common)
                for page, size in pages]

    def at_most(self, page: TablePage, size: float) -> tuple[TablePage, float]:
        """``page`` at the largest table size, to ``size``, at which it fits."""
        return self._grown(page, self.room.height, size)

    def _breaks_words(self, rows: list[Cells]) -> bool:
        """Whether a word of ``rows`` (a piece of one, after a hyphen) is wider than its
        column, and would break inside."""
        measurer = self.design.measurer
        return any(measurer.width(word, block.size, run.bold) > self._inner(width) - block.indent
                   for row in rows for cell, width in zip(row, self.widths, strict=True)
                   for block in cell for run in block.runs
                   for word in unbroken_pieces(run.text))

    def _grown(self, page: TablePage, room: float,
               largest: float | None = None) -> tuple[TablePage, float]:
        """A slide's rows (whole or parts) at the largest table size (to ``largest``) at which
        they fit."""
        for size in (s for s in self.sizes if largest is None or s <= largest):
            rows = [[scaled(cell, size) for cell in row] for row in page.rows]
            heights = [self._height(row, size) for row in rows]
            if (sum(heights) <= room - page.lead[0] - self._header_height(size)
                    and not self._breaks_words(rows)):
                return TablePage(rows, heights, list(page.sources), page.lead), size
        return page, self.sizes[-1]

    def _row(self, row: TableRow, size: float) -> Cells:
        """A row's cells at ``size``; a word too wide for its column at every size is
        hyphenated where it breaks (not cut a letter at a time); the others are kept whole
        (see ``_breaks_words``)."""
        d = self.design
        cells: Cells = [[TextBlock((Run(row.dimension, bold=True),), size, ink=d.surface.heading)]]
        for points in row.cells:
            many = len(points) > 1
            blocks = [_in_cell(block, d.bullet_indent * CELL_INDENT) for point in points
                      for block in rich_blocks(slide_form(point), size, d, bullets=many)]
            cells.append(blocks or [TextBlock((Run("–"),), size)])
        if self.hyphenate is None:
            return cells
        return [[self._hyphenated(block, self._inner(width) - block.indent) for block in cell]
                for cell, width in zip(cells, self.widths, strict=True)]

    def _hyphenated(self, block: TextBlock, width: float) -> TextBlock:
        """``block`` with each word wider than ``width`` even at the smallest table size
        hyphenated where it must break."""
        measurer, hyphenate = self.design.measurer, self.hyphenate
        assert hyphenate is not None

        def fitted(word: str, run: Run) -> str:
            def fits(text: str, size: float = block.size) -> bool:
                return measurer.width(text, size, run.bold, run.italic, run.code) <= width

            pieces = []
            if fits(word, self.sizes[-1]):
                return word
            while not fits(word):
                head = next((h for h, _ in hyphenate(word) if fits(h + "-")), None)
                if head is None:
                    break
                pieces.append(head if head.endswith("-") else f"{head}-")
                word = word[len(head):]
            return "".join([*pieces, word])

        runs = [run.with_text("".join(fitted(part, run) if part.strip() else part
                                      for part in re.split(r"(\s+)", run.text)))
                for run in block.runs]
        return block.with_runs(runs)

    def _inner(self, width: float) -> float:
        return self.design.inner_width(Box(0, 0, width, 0))

    def _height(self, row: Cells, size: float) -> float:
        d = self.design
        return max(blocks_height(d.measurer, cell, self._inner(w)) for cell, w in
                   zip(row, self.widths, strict=True)) + 2 * d.inset_y + size * 0.4

    def _header_height(self, size: float) -> float:
        return self._height([[TextBlock((Run(n, bold=True),), size)] for n in ["", *self.names]],
                            size)

    def _paginate(self, rows: list[Cells], size: float, room: float, budget: int,
                  full: float | None = None, lead: tuple[float, int] = (0.0, 0)) -> list[TablePage]:
        """Rows grouped into slides by height and words (the first slide's less the ``lead``);
        a row taller than the ``full`` room (default: ``room``), or with more words than a
        slide holds, is split inside its cells. Every split moves at least one line on, so
        this always ends."""
        d = self.design
        room_total = room - self._header_height(size)
        split_room = (full or room) - self._header_height(size)
        slack = 2 * d.inset_y + size * 0.4
        pages = [TablePage(lead=lead)]
        queue = deque((row, index) for index, row in enumerate(rows))
        while queue:
            row, source = queue.popleft()
            page = pages[-1]
            used = page.lead[0] + sum(page.heights)
            height = self._height(row, size)
            if not page.rows and _words(row) > budget - page.lead[1]:  # too many words alone
                head, tail = self._split_by_words(row, size, budget - page.lead[1],
                                                  room_total - used - slack)
                if any(head[1:]) and any(tail[1:]):
                    page.add(head, self._height(head, size), source)
                    queue.appendleft((tail, source))
                    pages.append(TablePage())
                    continue
            words = page.lead[1] + sum(_words(r) for r in [*page.rows, row])
            fits = used + height <= room_total or (not page.rows and height <= split_room - page.lead[0])
            if fits and (words <= budget or not page.rows):
                page.add(row, height, source)
                continue
            if page.rows and (height <= split_room - page.lead[0] or room_total - used < 3 * size
                              or words > budget):
                pages.append(TablePage())  # start the row (or its first part) on a fresh slide
                queue.appendleft((row, source))
                continue
            head, tail = self._split_row(row, room_total - used - slack)
            if not any(head):  # no line fits the room left here: a fresh slide has more room
                pages.append(TablePage())
                queue.appendleft((row, source))
                continue
            page.add(head, self._height(head, size), source)
            queue.appendleft((tail, source))
            pages.append(TablePage())
        return [page for page in pages if page.rows]

    def _split_by_words(self, row: Cells, size: float, budget: int,
                        room: float) -> tuple[Cells, Cells]:
        """A row over the word ``budget`` cut inside its cells at one height: the first of
        the fewest parts within the budget, as near an even share of the words as a line
        allows, and the rest. The heights tried go a line at a time; the words above them
        only grow with the height, so they are searched by halves (a very long row has
        hundreds of heights, each a wrap of every cell)."""
        share = (total := _words(row)) / -(-total // max(1, budget))
        targets: list[float] = []
        target = step = max(self.design.measurer.line_height(block.runs, size)
                            for cell in row for block in cell)
        while target <= room:
            targets.append(target)
            target += step
        counts: dict[int, int] = {}

        def words(index: int) -> int:
            """The words of the row's first part at the height ``targets[index]``."""
            if index not in counts:
                counts[index] = _words(self._split_row(row, targets[index], rest=False)[0])
            return counts[index]

        over = _first(len(targets), lambda i: words(i) > share)  # the first above the share
        below = words(over - 1) if over else None
        above = words(over) if over < len(targets) and words(over) <= budget else None
        if below is None and above is None:
            return self._split_row(row, room)
        if below is not None and (above is None or share - below <= above - share):
            count = below
            first = _first(over, lambda i: words(i) >= count)  # where that count begins
            return self._split_row(row, targets[first if words(first) == count else over - 1])
        return self._split_row(row, targets[over])

    def _split_row(self, row: Cells, room: float, rest: bool = True) -> tuple[Cells, Cells]:
        """The part of each cell (the dimension too) that fits ``room``, and the rest (not
        cut into slide-sized parts with ``rest`` False, for counting the first part's words)."""
        d = self.design
        head: Cells = []
        tail: Cells = []
        for cell, width in zip(row, self.widths, strict=True):
            inner = self._inner(width)
            queue = deque(cell)
            fits = fill_page(d.measurer, queue, inner, room, rest) if room > 0 and cell else []
            if fits and blocks_height(d.measurer, fits, inner) > room:
                fits, queue = [], deque(cell)
            head.append(fits)
            tail.append(list(queue))
        if any(head) and not tail[0]:  # the dimension is done: name it again on the next part
            label = "".join(r.text for r in row[0][0].runs) if row[0] and row[0][0].runs else ""
            if not label.endswith(self.labels.continued):
                label = f"{label} {self.labels.continued}"
            tail[0] = [TextBlock((Run(label, bold=True),), row[0][0].size if row[0] else 14.0,
                                 ink=d.surface.heading)]
        return head, tail

    def draw(self, slide: SlideShapes, box: Box, page: TablePage, size: float) -> None:
        """The native table in ``box``: the header on the primary colour, rows striped and,
        when they are few, taller, so the table takes most of the room."""
        d = self.design
        header = self._header_height(size)
        spare = box.height * TABLE_FILL - header - sum(page.heights)
        heights = [header, *(h + max(0.0, spare) / len(page.heights) for h in page.heights)]
        top: list[Cell] = [([TextBlock((Run(text, bold=True),), size)], d.brand.colors.primary,
                             d.accent_ink) for text in ["", *self.names]]
        stripes = (d.surface.background, d.surface.shade)
        rows: list[list[Cell]] = [[(blocks, stripes[index % 2], d.surface.text) for blocks in row]
                                  for index, row in enumerate(page.rows)]
        slide.table("Comparison table", box.left, box.top, self.widths, heights, [top, *rows])


def row_notes(table: Table, row: TableRow) -> str:
    """A row in full for the notes: its dimension, then each role's points."""
    parts = [row.dimension]
    for name, points in zip(table.columns, row.cells, strict=True):
        if points:
            parts.append(f"{name}: " + "; ".join(point.plain for point in points))
    return "\n".join(parts)


def _words(row: Cells) -> int:
    """Words a reader sees in a row's cells."""
    return word_count([block for cell in row for block in cell])


def _in_cell(block: TextBlock, tighter: float) -> TextBlock:
    """A cell's block spaced as table points are, indented ``tighter`` less than elsewhere
    (a bullet then reaches into the cell's margin), a list's items still indented."""
    return TextBlock(block.runs, block.size, max(0.0, block.indent - tighter),
                     block.size * 0.35, block.bullet, block.level, block.ink, block.hang)


def _first(count: int, past: Callable[[int], bool]) -> int:
    """The first of ``range(count)`` for which ``past`` holds (``count`` when none), for a
    ``past`` that, once it holds, holds for every later one."""
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        if past(middle):
            high = middle
        else:
            low = middle + 1
    return low
