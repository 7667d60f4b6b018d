"""Text measurement with real font metrics: widths, greedy word wrap, and block heights."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from guidebuilder.brand import Font
from guidebuilder.richtext import Run

REF_SIZE = 200  # fonts are loaded once at this pixel size; widths scale linearly
LINE_FACTOR = 1.2  # line height as a multiple of the font size, as PowerPoint and LibreOffice use
_TOKENS = re.compile(r"\s+|[^\s-]*-+(?=[^\s-])|\S+")


@lru_cache(maxsize=32)
def _face(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), REF_SIZE)


@dataclass(frozen=True, eq=False)  # hashed by identity: wrap results are cached per measurer
class Measurer:
    """Measures runs of text set in one font family (``code`` runs in ``mono``)."""

    font: Font
    mono: Font | None = None

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False,
              code: bool = False) -> float:
        """Advance width of ``text`` in points."""
        return _width(self._file(bold, italic, code), text) * size / REF_SIZE

    def run_width(self, run: Run, size: float) -> float:
        return _width(self._file(run.bold, run.italic, run.code), run.text) * size / REF_SIZE

    def _file(self, bold: bool, italic: bool, code: bool) -> Path:
        return _style_file(self, bold, italic, code)

    def wrap(self, runs: Sequence[Run], width: float, size: float) -> list[list[Run]]:
        """Greedy word wrap of ``runs`` into lines no wider than ``width`` points.

        Breaks at spaces and after hyphens; a word longer than a line breaks between characters.
        """
        lines: list[list[Run]] = [[]]
        line_width = 0.0
        for word in _words(runs):
            text_width = sum(self.run_width(piece, size) for piece in word)
            space = word[0].text[:1].isspace()
            if space and not lines[-1]:
                word = [_strip_start(word[0]), *word[1:]]
                text_width = sum(self.run_width(piece, size) for piece in word)
            if lines[-1] and line_width + text_width > width:
                lines.append([])
                line_width = 0.0
                word = [_strip_start(word[0]), *word[1:]]
                text_width = sum(self.run_width(piece, size) for piece in word)
            if text_width > width:
                for piece in word:
                    for char in piece.text:
                        char_width = self.width(char, size, piece.bold, piece.italic, piece.code)
                        if lines[-1] and line_width + char_width > width:
                            lines.append([])
                            line_width = 0.0
                        _append(lines[-1], _with_text(piece, char))
                        line_width += char_width
                continue
            for piece in word:
                _append(lines[-1], piece)
            line_width += text_width
        return [line for line in lines if line] or [[]]

    def line_count(self, runs: Sequence[Run], width: float, size: float) -> int:
        return _line_count(self, tuple(runs), width, size)


@lru_cache(maxsize=256)
def _style_file(measurer: Measurer, bold: bool, italic: bool, code: bool) -> Path:
    family = measurer.mono if code and measurer.mono else measurer.font
    return family.file(bold, italic)


@lru_cache(maxsize=16384)
def _line_count(measurer: Measurer, runs: tuple[Run, ...], width: float, size: float) -> int:
    """The number of lines :meth:`Measurer.wrap` makes, counted without building them."""
    scale = size / REF_SIZE
    words: list[tuple[float, float]] = []  # (width of the space before, width of the word)
    space = text = 0.0
    in_word = pending_space = False
    for run in runs:
        path = measurer._file(run.bold, run.italic, run.code)
        for token in _tokens(run.text):
            if token.isspace():
                if in_word:
                    words.append((space, text))
                    in_word = False
                pending_space = True
                continue
            if not in_word:
                space = _width(path, " ") * scale if pending_space and words else 0.0
                text, in_word, pending_space = 0.0, True, False
            text += _width(path, token) * scale
            if token.endswith("-"):
                words.append((space, text))
                in_word = False
    if in_word:
        words.append((space, text))
    lines, used, empty = 1, 0.0, True
    for space, text in words:
        if not empty and used + space + text > width:
            lines, used, empty = lines + 1, 0.0, True
        needed = text if empty else space + text
        if needed > width:  # a word wider than the line: characters break it, as wrap does
            return len(measurer.wrap(runs, width, size))
        used, empty = used + needed, False
    return lines


@lru_cache(maxsize=4096)
def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


@lru_cache(maxsize=65536)
def _width(path: Path, text: str) -> float:
    return _face(path).getlength(text)


def _words(runs: Sequence[Run]) -> list[list[Run]]:
    """Unbreakable pieces, each a list of run slices; leading whitespace belongs to the piece."""
    words: list[list[Run]] = []
    current: list[Run] = []
    pending_space = False
    for run in runs:
        for token in _TOKENS.findall(run.text):
            if token.isspace():
                if current:
                    words.append(current)
                    current = []
                pending_space = True
                continue
            if not current and pending_space and words:
                current.append(_with_text(run, " "))
            pending_space = False
            current.append(_with_text(run, token))
            if token.endswith("-"):
                words.append(current)
                current = []
    if current:
        words.append(current)
    return words


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.link)


def _strip_start(run: Run) -> Run:
    return _with_text(run, run.text.lstrip())


def _append(line: list[Run], piece: Run) -> None:
    if line and (line[-1].bold, line[-1].italic, line[-1].code, line[-1].link) == (
            piece.bold, piece.italic, piece.code, piece.link):
        line[-1] = _with_text(line[-1], line[-1].text + piece.text)
    elif piece.text:
        line.append(piece)


def line_height(size: float, spacing: float = 1.0) -> float:
    """Height of one line of ``size``-point text at line spacing ``spacing``."""
    return size * LINE_FACTOR * spacing


@dataclass(frozen=True)
class TextBlock:
    """A paragraph as a slide shows it: runs, size, left indent and space before, in points."""

    runs: tuple[Run, ...]
    size: float
    indent: float = 0.0
    space_before: float = 0.0
    bullet: str = ""
    level: int = 0

    def with_runs(self, runs: Sequence[Run]) -> TextBlock:
        return TextBlock(tuple(runs), self.size, self.indent, self.space_before, self.bullet,
                         self.level)


def block_height(measurer: Measurer, block: TextBlock, width: float, first: bool) -> float:
    """Height of ``block`` in a column ``width`` points wide (space before dropped when first)."""
    lines = measurer.line_count(block.runs, width - block.indent, block.size)
    return lines * line_height(block.size) + (0.0 if first else block.space_before)


def blocks_height(measurer: Measurer, blocks: Sequence[TextBlock], width: float) -> float:
    return sum(block_height(measurer, b, width, i == 0) for i, b in enumerate(blocks))


def paginate(measurer: Measurer, blocks: Sequence[TextBlock], width: float,
             height: float) -> list[list[TextBlock]]:
    """Fill pages of ``height`` greedily; a block taller than the room left is split by lines."""
    queue = deque(blocks)
    pages = []
    while queue:
        pages.append(fill_page(measurer, queue, width, height))
    return pages


def fill_page(measurer: Measurer, queue: deque[TextBlock], width: float,
              height: float) -> list[TextBlock]:
    """Take from the front of ``queue`` what fits one page. A block that does not fit is split
    by lines, once: its remainder goes back to the queue already cut into page-sized parts."""
    page: list[TextBlock] = []
    used = 0.0
    while queue:
        block = queue.popleft()
        first = not page
        need = block_height(measurer, block, width, first)
        if used + need <= height:
            page.append(block)
            used += need
            continue
        step = line_height(block.size)
        fit = int((height - used - (0.0 if first else block.space_before)) // step)
        if fit >= 2 or (first and fit >= 1):
            lines = measurer.wrap(block.runs, width - block.indent, block.size)
            per_page = max(1, int(height // step))
            chunks = [lines[:fit]] + [lines[i:i + per_page] for i in range(fit, len(lines), per_page)]
            page.append(block.with_runs(_join_lines(chunks[0])))
            for chunk in reversed(chunks[1:]):
                queue.appendleft(TextBlock(tuple(_join_lines(chunk)), block.size, block.indent,
                                           0.0, "", block.level))
        elif first:  # not even one line fits an empty page: it stands alone
            page.append(block)
        else:
            queue.appendleft(block)
        return page
    return page


def _join_lines(chunk: list[list[Run]]) -> list[Run]:
    """Runs of consecutive wrapped lines joined back into one paragraph."""
    out: list[Run] = []
    for index, line in enumerate(chunk):
        for piece_index, piece in enumerate(line):
            text = piece.text.lstrip() if piece_index == 0 else piece.text
            if index and piece_index == 0:
                text = " " + text
            _append(out, _with_text(piece, text))
    return out
