"""Comparison slides: a table fitted to slides in short forms, its full text in the notes;
every role on every slide, turned to a row per role when narrow columns would leave the
slides huddled in small type."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from guidebuilder.deck.geometry import Box
from guidebuilder.deck.kinds.table import TableLayout, TablePage, TableText, row_notes
from guidebuilder.deck.kinds.text import element_of, prose_of, prose_slides, subtitle_of
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.guide.richtext import Paragraph, RichText, Run
from guidebuilder.plan.document import Section, Table, TableRow
from guidebuilder.plan.layout import FULL_NAME_COLUMNS, slide_form
from guidebuilder.text.blocks import TextBlock

MAX_COLUMNS = 6  # roles side by side on a slide; more are turned to rows or grouped
MAX_COLUMNS_TURNED = 4  # dimensions that become columns when a table is turned
TURN_FROM = 4  # roles from which a table whose slides would huddle is turned
SHORT_POINT = 6  # words: a turned cell's points all this short are set on one line
MAX_CUTS = 8  # parts a dimension too long for one slide is cut into, at most
SPARSE_WORDS = 25  # a table slide showing fewer words is sparse: it may share its slide
PAIR_GAP = 24.0  # points between two comparisons sharing a slide
CAPTION = 34.0  # points: the height of a shared slide's caption naming each comparison
CAPTION_SIZE = 20.0
ELLIPSIS = "…"
_WORD = re.compile(r"\S+")
_CLAUSE_END = (",", ";", ":", "–", "—")

Part = tuple[Table, tuple[TableRow, ...]]  # a slide's turned table and the rows it shows


def comparison_slides(writer: SlideWriter, section: Section) -> None:
    """The section's table, the prose before it as the subtitle and both its texts in the
    notes (text slides when it has no table)."""
    table = element_of(section, Table)
    if table is None:
        prose_slides(writer, section.title, prose_of(section.elements))
        return
    at = section.elements.index(table)
    before, after = prose_of(section.elements[:at]), prose_of(section.elements[at + 1:])
    table_slides(writer, section.title, table,
                 TableText(subtitle_of(before), before.plain, after.plain))


def paired_slide(writer: SlideWriter, first: Section, second: Section) -> bool:
    """Two short comparisons on one slide, one above the other under its title, when each
    alone would leave its slide sparse or huddled and both fit half the room whole; their
    introductions and closing words go to the notes. Whether the slide was made."""
    tables = [element_of(section, Table) for section in (first, second)]
    if any(table is None or len(table.columns) > MAX_COLUMNS for table in tables):
        return False
    alone = [TableLayout(writer, table) for table in tables if table is not None]
    if not all(_short(layout) for layout in alone):
        return False
    d = writer.design
    body = d.body_box()
    half = (body.height - PAIR_GAP) / 2
    boxes = [Box(body.left, body.top + n * (half + PAIR_GAP) + CAPTION, body.width,
                 half - CAPTION) for n in range(2)]
    largest: float | None = None
    for _ in range(2):  # the second time both at the size the smaller fits
        layouts = [TableLayout(writer, layout.table, box, largest)
                   for layout, box in zip(alone, boxes, strict=True)]
        fitted = [layout.fit(TableText())[0] for layout in layouts]
        largest = min(size for pages in fitted for _, size in pages)
    if (any(len(pages) != 1 for pages in fitted)
            or sum(layout.words(pages[0][0]) for layout, pages in zip(layouts, fitted, strict=True))
            + len(f"{first.title} {second.title}".split()) > d.max_words):
        return False
    notes = "\n\n".join(_pair_notes(section, layout.table)
                         for section, layout in zip((first, second), layouts, strict=True))
    slide, _, _ = writer.titled("comparison", f"{first.title} · {second.title}", notes)
    for section, layout, box, pages in zip((first, second), layouts, boxes, fitted, strict=True):
        caption = Box(box.left, box.top - CAPTION, box.width, CAPTION)
        slide.textbox(caption, [TextBlock((Run(section.title, bold=True),), CAPTION_SIZE)],
                      d.surface.heading, "Caption")
        layout.draw(slide, box, *pages[0])
    return True


def _short(layout: TableLayout) -> bool:
    """Whether ``layout``'s table alone would leave its one slide sparse or huddled."""
    pages, _ = layout.fit(TableText())
    return len(pages) == 1 and (layout.words(pages[0][0]) < SPARSE_WORDS
                                or layout.huddled(pages) == 1)


def _pair_notes(section: Section, table: Table) -> str:
    """A comparison in full for the notes: its title, its texts and its rows."""
    at = section.elements.index(table)
    texts = [prose_of(section.elements[:at]).plain, *(row_notes(table, row) for row in table.rows),
             prose_of(section.elements[at + 1:]).plain]
    return "\n\n".join(text for text in [section.title, *texts] if text)


def table_slides(writer: SlideWriter, title: str, table: Table, text: TableText) -> None:
    """Slides holding ``table`` with every role on each (short labels in the header from
    four roles on): rows go to as few slides as they fit at the smallest table size, evenly;
    a cell too tall for a slide is split. Each slide's type is as large as it fits. A table
    of many roles whose narrow columns would leave most of its slides huddled (few rows for
    their words, in small type), or cut the cells of its few rows over slides, is turned
    (see ``turned_slides``). More roles than a slide's
    columns hold are turned to rows when the dimensions are few (all of them on every slide
    when they fit it, else a few roles to a slide), else shown a group of roles at a time,
    the group in the title."""
    roles = len(table.columns)
    if roles <= MAX_COLUMNS:
        layout = TableLayout(writer, table)
        pages, _ = layout.fit(text)
        huddled = 2 * layout.huddled(pages) > len(pages)  # worth a slide more
        sources = [source for page, _ in pages for source in dict.fromkeys(page.sources)]
        cut = (len(sources) > len(set(sources))  # a row's cells cut over slides, in a table
               and len(table.rows) <= MAX_COLUMNS_TURNED)  # a turned slide may show whole
        if not (roles >= TURN_FROM and len(pages) > 1 and (huddled or cut)
                and turned_slides(writer, title, table, text, len(pages) + huddled)):
            layout.slides(title, text)
    elif len(table.rows) <= MAX_COLUMNS_TURNED:
        layout = TableLayout(writer, turned(table))
        pages, _ = layout.fit(text)
        if not turned_slides(writer, title, table, text, len(pages)):
            layout.slides(title, text)
    else:
        groups = -(-roles // MAX_COLUMNS)
        start = 0
        for index in range(groups):
            count = roles // groups + (index < roles % groups)
            part = columns_of(table, range(start, start + count))
            start += count
            group_text = text if index == 0 else TableText(closing_notes=text.closing_notes)
            if index < groups - 1:
                group_text = replace(group_text, closing_notes="")
            TableLayout(writer, part).slides(f"{title}: {', '.join(part.short_columns)}",
                                             group_text)


def turned_slides(writer: SlideWriter, title: str, table: Table, text: TableText,
                  most: int) -> bool:
    """``table`` turned, a row per role (its short label) and a column per dimension, with as
    many whole dimensions on a slide as fit it; a dimension too long for one slide is cut,
    every role's text at its points or clauses, over the fewest slides that hold it. Every
    slide shows every role, in wide columns and larger type; the notes give each dimension
    it shows in full. Nothing is made (False) when that takes more than ``most`` slides or a
    part still does not fit one."""
    slides: list[tuple[TableLayout, TablePage, float, tuple[TableRow, ...]]] = []
    subtitle = ""
    for index, (part, rows) in enumerate(_turned_parts(writer, table, text, most)):
        layout = TableLayout(writer, part)
        pages, fitted = layout.fit(TableText(text.subtitle if index == 0 else ""))
        subtitle = fitted.subtitle if index == 0 else subtitle
        slides += [(layout, page, size, rows) for page, size in pages]
        if len(pages) > 1 or len(slides) > most:
            return False
    common = min((size for _, _, size, _ in slides), default=0.0)  # the slides alike
    slides = [(layout, *layout.at_most(page, common), rows) if size > common
              else (layout, page, size, rows) for layout, page, size, rows in slides]
    for index, (layout, page, size, rows) in enumerate(slides):
        notes = [text.intro_notes] if index == 0 else []
        notes += [row_notes(table, row) for row in rows]
        if index == len(slides) - 1:
            notes.append(text.closing_notes)
        layout.slide(writer.continued(title, index, len(slides)),
                     "\n\n".join(n for n in notes if n), subtitle if index == 0 else "",
                     page, size)
    return bool(slides)


def _turned_parts(writer: SlideWriter, table: Table, text: TableText, most: int) -> list[Part]:
    """The turned slides' tables: consecutive whole dimensions while they fit one slide (the
    first under the subtitle), a dimension that does not fit alone cut into parts; no more
    than ``most`` and one (then the turn is given up)."""
    parts: list[Part] = []
    rows = table.rows
    start = 0
    while start < len(rows) and len(parts) <= most:
        subtitle = "" if parts else text.subtitle
        take = 1
        while (start + take < len(rows) and take < MAX_COLUMNS_TURNED
               and _one_slide(writer, turned_rows(table, rows[start:start + take + 1]), subtitle)):
            take += 1
        group = rows[start:start + take]
        if take > 1 or _one_slide(writer, turned_rows(table, group), subtitle):
            parts.append((turned_rows(table, group), group))
        else:
            parts += [(turned_rows(table, (cut,)), group) for cut in _cuts(writer, table,
                                                                             group[0], subtitle)]
        start += take
    return parts


def _cuts(writer: SlideWriter, table: Table, row: TableRow, subtitle: str) -> list[TableRow]:
    """``row`` cut into the fewest parts that each fit a slide (the first under
    ``subtitle``), every cell's text shared evenly between them."""
    for count in range(2, MAX_CUTS + 1):  # each count a few layouts measured: kept small
        parts = cut_row(row, count)
        if all(_one_slide(writer, turned_rows(table, (part,)), subtitle if index == 0 else "")
               for index, part in enumerate(parts)):
            return parts
    return cut_row(row, MAX_CUTS)


def _one_slide(writer: SlideWriter, table: Table, subtitle: str) -> bool:
    return len(TableLayout(writer, table).fit(TableText(subtitle))[0]) == 1


def turned(table: Table) -> Table:
    """``table`` with a row per role and a column per dimension."""
    return turned_rows(table, table.rows, short=False)


def turned_rows(table: Table, rows: tuple[TableRow, ...], short: bool = True) -> Table:
    """``rows`` of ``table`` turned: a column per dimension, a row per role named by its
    short label when ``short`` and the table has more roles than full names fit."""
    dimensions = tuple(row.dimension for row in rows)
    names = (table.short_columns if short and len(table.columns) > FULL_NAME_COLUMNS
             else table.columns)
    return Table(dimensions, dimensions,
                 tuple(TableRow(name, tuple(inline(row.cells[index]) if short else row.cells[index]
                                            for row in rows))
                       for index, name in enumerate(names)))


def inline(points: tuple[RichText, ...]) -> tuple[RichText, ...]:
    """A cell of several short points (a few words each) as one line, the points separated
    by a middle dot: a wide turned column shows them so without a tall list."""
    runs = [_slide_runs(point) for point in points]
    if len(points) < 2 or any(len("".join(r.text for r in point).split()) > SHORT_POINT
                              for point in runs):
        return points
    joined: list[Run] = []
    for point in runs:
        joined += [Run(" · ")] * bool(joined) + list(point)
    return (_fixed(tuple(joined)),)


def columns_of(table: Table, indices: range) -> Table:
    """``table`` with only the roles at ``indices``."""
    return Table(tuple(table.columns[i] for i in indices),
                 tuple(table.short_columns[i] for i in indices),
                 tuple(TableRow(row.dimension, tuple(row.cells[i] for i in indices))
                       for row in table.rows))


def cut_row(row: TableRow, count: int) -> list[TableRow]:
    """``row`` as ``count`` rows, each cell's slide text shared evenly between them."""
    cells = [cut_points(points, count) for points in row.cells]
    return [TableRow(row.dimension, tuple(cell[index] for cell in cells))
            for index in range(count)]


def cut_points(points: tuple[RichText, ...], count: int) -> list[tuple[RichText, ...]]:
    """A cell's points (their slide forms) in ``count`` parts of about as many words each,
    cut between points where that is near, else after a clause, else between words; a
    point cut in two ends and goes on with an ellipsis."""
    texts = [_slide_runs(point) for point in points]
    words = [_Word(p, m.start(), m.end(), m.group().endswith(_CLAUSE_END))
             for p, runs in enumerate(texts)
             for m in _WORD.finditer("".join(run.text for run in runs))]
    bounds = [0, *(min(at, len(words)) for at in _cut_places(words, count)), len(words)]
    parts = []
    for start, end in pairwise(bounds):
        shown: list[RichText] = []
        for p in sorted({words[i].point for i in range(start, end)}):
            inside = [words[i] for i in range(start, end) if words[i].point == p]
            runs = _cut(texts[p], inside[0].start, inside[-1].end)
            before = inside[0].start > words_start(words, p)
            after = inside[-1].end < words_end(words, p)
            shown.append(_fixed(_marked(runs, before, after)))
        parts.append(tuple(shown))
    return parts


def _marked(runs: tuple[Run, ...], before: bool, after: bool) -> tuple[Run, ...]:
    """A piece of a point with an ellipsis where text comes ``before`` or ``after`` it,
    joined to its first or last word (so it never wraps to a line alone), the clause's
    comma or semicolon dropped for it."""
    if after and runs:
        last = runs[-1]
        runs = (*runs[:-1], last.with_text(last.text.rstrip("".join(_CLAUSE_END)).rstrip()
                                           + ELLIPSIS))
    if before and runs:
        runs = (runs[0].with_text(ELLIPSIS + runs[0].text), *runs[1:])
    return runs


@dataclass(frozen=True)
class _Word:
    point: int  # which point of the cell it is in
    start: int  # where it starts and ends in the point's text
    end: int
    clause_end: bool  # it ends with a comma, semicolon, colon or dash


def words_start(words: list[_Word], point: int) -> int:
    return min(word.start for word in words if word.point == point)


def words_end(words: list[_Word], point: int) -> int:
    return max(word.end for word in words if word.point == point)


def _cut_places(words: list[_Word], count: int) -> list[int]:
    """Where to cut ``words`` (the index of the first word of each next part): near an even
    share, preferring the end of a point, then of a clause; every part keeps a word."""
    places: list[int] = []
    for part in range(1, count):
        target = part * len(words) / count
        low = (places[-1] + 1) if places else 1
        options = range(low, max(low + 1, len(words) - (count - part) + 1))
        places.append(min(options, key=lambda at: abs(at - target) + _penalty(words, at)))
    return places


def _penalty(words: list[_Word], at: int) -> float:
    """How much worse a cut before word ``at`` reads than one between points (in words)."""
    if at >= len(words) or words[at - 1].point != words[at].point:
        return 0.0
    return 1.5 if words[at - 1].clause_end else 4.0


def _slide_runs(point: RichText) -> tuple[Run, ...]:
    """A point's slide form as one line of runs (its paragraphs joined by spaces)."""
    runs: list[Run] = []
    for block in slide_form(point).blocks:
        for pieces in [block.runs] if isinstance(block, Paragraph) else [
                item.runs for item in block.items]:
            if runs and pieces:
                runs.append(Run(" "))
            runs += pieces
    return tuple(runs)


def _cut(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    """The runs' text from character ``start`` to ``end``, styles kept."""
    kept = []
    at = 0
    for run in runs:
        low, high = max(start, at), min(end, at + len(run.text))
        if low < high:
            kept.append(run.with_text(run.text[low - at:high - at]))
        at += len(run.text)
    return tuple(kept)


def _fixed(runs: tuple[Run, ...]) -> RichText:
    """``runs`` as a text that slides show whole (its own short form)."""
    text = "".join(run.text for run in runs)
    whole = RichText(text, (Paragraph(runs),))
    return RichText(text, whole.blocks, whole)
