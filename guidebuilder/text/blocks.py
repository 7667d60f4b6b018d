"""Measured blocks of text: their heights, pages of them, and text fitted to a box."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from guidebuilder.guide.richtext import Run, runs_between
from guidebuilder.text.measure import Measurer, ellipsize

_Page = TypeVar("_Page")
NUMBER_TAB = "    "  # the tab after a list item's number, measured as four spaces
CUT = "…"  # ends a paragraph's part before a page break, and starts the rest


@dataclass(frozen=True)
class TextBlock:
    """A paragraph as a slide shows it: runs, size, left indent and space before, in points."""

    runs: tuple[Run, ...]
    size: float
    indent: float = 0.0
    space_before: float = 0.0
    bullet: str = ""
    level: int = 0
    ink: str = ""  # a colour of its own (#RRGGBB), else the colour of the text around it
    hang: float = 0.0  # how far the bullet hangs left of the text; 0: the usual bullet indent

    def with_runs(self, runs: Sequence[Run]) -> TextBlock:
        """The same block with other runs (made directly, not with ``dataclasses.replace``,
        which inspects the fields each time: a long cell cut for slides makes thousands)."""
        return TextBlock(tuple(runs), self.size, self.indent, self.space_before, self.bullet,
                         self.level, self.ink, self.hang)

    @property
    def numbered(self) -> bool:
        """Whether its bullet is a list item's number ("3."), which a deck writes as text."""
        return self.bullet.endswith(".") and self.bullet[:-1].isdigit()

    def continued(self, runs: Sequence[Run]) -> TextBlock:
        """What follows a page break inside this block: ``runs``, with no space before and
        no bullet."""
        return TextBlock(tuple(runs), self.size, self.indent, 0.0, "", self.level, self.ink)


def block_height(measurer: Measurer, block: TextBlock, width: float, first: bool) -> float:
    """Height of ``block`` in a column ``width`` points wide (space before dropped when first)."""
    # a number, written before the text up to a tab, measured as if it took room on the
    # first line (as some readers' estimates do), though it hangs in the indent
    runs = (Run(block.bullet + NUMBER_TAB), *block.runs) if block.numbered else block.runs
    lines = measurer.line_count(runs, width - block.indent, block.size)
    return lines * measurer.line_height(block.runs, block.size) + (0.0 if first else block.space_before)


def blocks_height(measurer: Measurer, blocks: Sequence[TextBlock], width: float) -> float:
    return sum(block_height(measurer, b, width, i == 0) for i, b in enumerate(blocks))


def word_count(blocks: Sequence[TextBlock]) -> int:
    """Words a reader sees in ``blocks``; a bullet or number counts as one."""
    return sum(len(" ".join(run.text for run in block.runs).split()) + bool(block.bullet)
               for block in blocks)


def spread_evenly(paginate_at: Callable[[int], list[_Page]], total: int,
                  max_words: int) -> list[_Page]:
    """Pages of at most ``max_words`` words, from ``paginate_at(cap)``; then, with the same
    number of pages, the smallest cap that keeps that number, so no page is left with a few
    lonely words."""
    pages = paginate_at(max_words)
    for cap in range(-(-total // max(1, len(pages))), max_words):
        spread = paginate_at(cap)
        if len(spread) == len(pages):
            return spread
    return pages


def spread_pages(paginate_at: Callable[[float], list[_Page]]) -> list[_Page]:
    """Pages from ``paginate_at(share)`` (a share of each page's room: its height and words);
    the fewest pages at the full share, then the smallest share that keeps that number, so the
    pages are about evenly filled and no continuation holds a few lonely lines."""
    pages = paginate_at(1.0)
    if len(pages) < 2:
        return pages
    for step in range(int(100 / len(pages)), 100, 4):
        spread = paginate_at(step / 100)
        if len(spread) == len(pages):
            return spread
    return pages


def scaled(blocks: Sequence[TextBlock], size: float) -> list[TextBlock]:
    """``blocks`` set larger or smaller by the same points, so the first is ``size`` points;
    the spacing grows in proportion."""
    if not blocks:
        return []
    step, ratio = size - blocks[0].size, size / blocks[0].size
    return [_resized(block, block.size + step, ratio) for block in blocks]


def _resized(block: TextBlock, size: float, ratio: float) -> TextBlock:
    """``block`` at ``size``, its spacing times ``ratio``; a number hanging wider than a
    bullet (see ``TextBlock.hang``) grows with the type, its text moving right as much."""
    grow = block.hang * (size / block.size - 1)
    return replace(block, size=size, space_before=block.space_before * ratio,
                   indent=block.indent + grow, hang=block.hang + grow)


def paginate(measurer: Measurer, blocks: Sequence[TextBlock], width: float, height: float,
             max_words: int | None = None) -> list[list[TextBlock]]:
    """Fill pages of ``height`` greedily; a block taller than the room left is split by lines.
    With ``max_words``, a page also ends before it would hold more words than that."""
    queue = deque(blocks)
    pages = []
    while queue:
        pages.append(fill_page(measurer, queue, width, height, max_words=max_words))
    if max_words is None:
        return pages
    return [part for page in pages for part in _by_words(measurer, page, width, max_words)]


def _by_words(measurer: Measurer, page: list[TextBlock], width: float,
              max_words: int) -> list[list[TextBlock]]:
    """``page`` cut into pages of at most ``max_words`` words (a longer block by its lines)."""
    parts: list[list[TextBlock]] = [[]]
    for block in page:
        pieces = [block]
        if word_count([block]) > max_words:
            lines = measurer.wrap(block.runs, width - block.indent, block.size)
            pieces = []
            chunk: list[list[Run]] = []
            for line in lines:
                if chunk and word_count([block.with_runs(_join_lines([*chunk, line]))]) > max_words:
                    pieces.append(block.with_runs(_join_lines(chunk)))
                    chunk = []
                chunk.append(line)
            pieces.append(block.with_runs(_join_lines(chunk)))
        for piece in pieces:
            if parts[-1] and word_count([*parts[-1], piece]) > max_words:
                parts.append([])
            parts[-1].append(piece)
    return [part for part in parts if part]


def paginate_whole(measurer: Measurer, blocks: Sequence[TextBlock], width: float,
                   height: float, max_words: int) -> list[list[TextBlock]] | None:
    """Pages of whole blocks, each within ``height`` and ``max_words``, filled in order; None
    when a block does not fit a page alone (then it must be cut by lines: ``paginate``)."""
    pages: list[list[TextBlock]] = [[]]
    for block in blocks:
        page = pages[-1]
        if page and (word_count([*page, block]) > max_words
                     or blocks_height(measurer, [*page, block], width) > height):
            page = []
            pages.append(page)
        if not page and (word_count([block]) > max_words
                         or block_height(measurer, block, width, True) > height):
            return None
        page.append(block)
    return [page for page in pages if page]


def fill_page(measurer: Measurer, queue: deque[TextBlock], width: float, height: float,
              rest: bool = True, max_words: int | None = None) -> list[TextBlock]:
    """Take from the front of ``queue`` what fits one page. A block that does not fit is split
    by lines, once: its remainder goes back to the queue as one paragraph, which the next page
    splits again where it must (not with ``rest`` False, for a caller that wants only the
    page). With ``max_words``, the page ends before a block that would take it over that
    many words."""
    page: list[TextBlock] = []
    used = 0.0
    while queue:
        block = queue.popleft()
        first = not page
        if not first and max_words is not None and word_count([*page, block]) > max_words:
            queue.appendleft(block)
            return page
        need = block_height(measurer, block, width, first)
        if used + need <= height:
            page.append(block)
            used += need
            continue
        step = measurer.line_height(block.runs, block.size)
        fit = int((height - used - (0.0 if first else block.space_before)) // step)
        if fit >= 2 or (first and fit >= 1):
            lines = measurer.wrap(block.runs, width - block.indent, block.size)
            head, tail = lines[:fit], lines[fit:]
            if rest:  # the page is kept (not only measured): mark where it is cut
                head, tail = _marked_cut(measurer, head, tail, width - block.indent, block.size)
            page.append(block.with_runs(_join_lines(head)))
            if rest and tail:
                queue.appendleft(block.continued(_join_lines(tail)))
        elif first:  # not even one line fits an empty page: it stands alone
            page.append(block)
        else:
            queue.appendleft(block)
        return page
    return page


def _marked_cut(measurer: Measurer, head: list[list[Run]], tail: list[list[Run]], width: float,
                size: float) -> tuple[list[list[Run]], list[list[Run]]]:
    """A paragraph cut after the lines ``head``: its last line ends with "…" (its last word
    moved on when the mark does not fit beside it) and what follows starts with one, so
    that neither part reads as a whole sentence; unmarked when the mark finds no room."""
    if not tail:
        return head, tail
    for move in (False, True):
        last, rest = list(head[-1]), tail
        if move:
            keep = "".join(run.text for run in last).rstrip().rfind(" ")
            if keep <= 0:  # a single word
                break
            last, moved = _split_runs(last, keep)
            rest = [[*moved, *tail[0]], *tail[1:]]
        marked = [*head[:-1], [*last[:-1], last[-1].with_text(last[-1].text.rstrip() + CUT)]]
        if measurer.line_count(_join_lines(marked), width, size) <= len(head):
            first = rest[0]
            return marked, [[first[0].with_text(CUT + first[0].text.lstrip()), *first[1:]],
                            *rest[1:]]
    return head, tail


def _split_runs(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """``runs`` cut at character ``at`` of their joined text (the space there dropped)."""
    after = list(runs_between(runs, at, sum(len(run.text) for run in runs)))
    if after:
        after[0] = after[0].with_text(after[0].text.lstrip() + " ")
    return list(runs_between(runs, 0, at)) or runs[:1], [run for run in after if run.text]


def _join_lines(chunk: list[list[Run]]) -> list[Run]:
    """Runs of consecutive wrapped lines joined back into one paragraph, a run for each
    stretch of one style (as ``append_run`` would merge them; its texts joined once, not
    piece by piece: a long cell has thousands)."""
    out: list[Run] = []
    texts: list[str] = []  # the texts of the last run, which holds only its style until joined
    for index, line in enumerate(chunk):
        for piece_index, piece in enumerate(line):
            text = piece.text.lstrip() if piece_index == 0 else piece.text
            if index and piece_index == 0:
                text = " " + text
            if out and out[-1].same_style(piece):
                texts.append(text)
            elif text:
                if out:
                    out[-1] = out[-1].with_text("".join(texts))
                out.append(piece)
                texts = [text]
    if out:
        out[-1] = out[-1].with_text("".join(texts))
    return out


def fitted_text(text: str, width: float, height: float, measurer: Measurer, largest: float,
                smallest: float, bold: bool = False) -> tuple[str, float]:
    """The largest size from ``largest`` down to ``smallest`` (2 pt steps) at which ``text``
    fits ``width`` x ``height`` points; at the smallest size, ``text`` shortened to fit."""
    runs = (Run(text, bold=bold),)
    size = largest
    while size >= smallest:
        if measurer.line_count(runs, width, size) * measurer.line_height(runs, size) <= height:
            return text, size
        size -= 2
    max_lines = max(1, int(height // measurer.line_height(runs, smallest)))
    return ellipsize(text, lambda shown: measurer.line_count(
        (Run(shown, bold=bold),), width, smallest) <= max_lines), smallest
