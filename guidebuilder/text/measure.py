"""Text measurement with real font metrics: widths, greedy word wrap, line counts, and text
shortened to a length, a sentence or a width. Both renderers use it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from guidebuilder.brand.model import Fallback, Font
from guidebuilder.cache import identity
from guidebuilder.guide.richtext import Run
from guidebuilder.text.direction import has_right_to_left

if TYPE_CHECKING:
    from PIL import ImageFont

REF_SIZE = 200  # fonts are loaded once at this pixel size; widths scale linearly
LINE_FACTOR = 1.2  # line height as a multiple of the font size, as PowerPoint and LibreOffice use
_TOKENS = re.compile(r"\s+|[^\s-]*-+(?=[^\s-])|\S+")


_FaceFile = tuple[Path, tuple[int, int, int, int]]  # a font file and its version


def _face_file(path: Path) -> _FaceFile:
    """``path`` with what identifies its current version: faces and widths are memoised by
    both, so a font file replaced during a long-lived process is read again."""
    return path, identity(path)


@lru_cache(maxsize=32)
def _face(face_file: _FaceFile) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(face_file[0]), REF_SIZE)


def load_faces(*fonts: Font) -> None:
    """Load every style of ``fonts`` now, ahead of measuring."""
    for font in fonts:
        for bold in (False, True):
            for italic in (False, True):
                _face(_face_file(font.file(bold, italic)))


@dataclass(frozen=True, eq=False)  # hashed by identity: wrap results are cached per measurer
class Measurer:
    """Measures runs of text set in one font family (``code`` runs in ``mono``). Each font
    file's version is taken when the measurer first uses it: make a measurer per build."""

    font: Font
    mono: Font | None = None
    fallbacks: tuple[Fallback, ...] = ()  # fonts for the scripts ``font`` lacks

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False,
              code: bool = False) -> float:
        """Advance width of ``text`` in points."""
        return _styled_width(self, bold, italic, code, text) * size / REF_SIZE

    def run_width(self, run: Run, size: float) -> float:
        return _styled_width(self, run.bold, run.italic, run.code, run.text) * size / REF_SIZE

    def style_file(self, bold: bool, italic: bool, code: bool) -> Path:
        """The font file a run of this style is set in."""
        return _style_face(self, bold, italic, code)[0]

    def wrap(self, runs: Sequence[Run], width: float, size: float) -> list[list[Run]]:
        """Greedy word wrap of ``runs`` into lines no wider than ``width`` points.

        Breaks at spaces and after hyphens; a word longer than a line breaks between characters.
        """
        return [list(line) for line in _wrapped(self, tuple(runs), width, size)]

    def _wrap(self, runs: Sequence[Run], width: float, size: float) -> list[list[Run]]:
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
                        append_run(lines[-1], piece.with_text(char))
                        line_width += char_width
                continue
            for piece in word:
                append_run(lines[-1], piece)
            line_width += text_width
        return [line for line in lines if line] or [[]]

    def line_count(self, runs: Sequence[Run], width: float, size: float) -> int:
        return _line_count(self, tuple(runs), width, size)

    def line_height(self, runs: Sequence[Run], size: float) -> float:
        """Height of a line of ``runs`` at ``size`` points: ``LINE_FACTOR`` times the size, or
        more where a fallback font sets some of them and asks for taller lines (Arabic's often
        does: PowerPoint and LibreOffice then set every line of the paragraph that tall)."""
        factor = LINE_FACTOR
        for codes, own in _tall_fallbacks(self):
            if any(not codes.isdisjoint(map(ord, run.text)) for run in runs if not run.code):
                factor = max(factor, own)
        return size * factor


@lru_cache(maxsize=64)
def _tall_fallbacks(measurer: Measurer) -> tuple[tuple[frozenset[int], float], ...]:
    """The code points of each fallback font whose own lines are taller than ``line_height``,
    with its line height as a multiple of the size."""
    found = ((fallback.codes, own_line_factor(fallback.font.file()))
             for fallback in measurer.fallbacks)
    return tuple((codes, own) for codes, own in found if own > LINE_FACTOR)


@lru_cache(maxsize=4096)
def _wrapped(measurer: Measurer, runs: tuple[Run, ...], width: float,
             size: float) -> tuple[tuple[Run, ...], ...]:
    """:meth:`Measurer.wrap`, kept: fitting a long table cell into slides of several heights
    wraps the same text at the same width again and again."""
    return tuple(tuple(line) for line in measurer._wrap(runs, width, size))


def _styled_width(measurer: Measurer, bold: bool, italic: bool, code: bool, text: str) -> float:
    """The width of ``text`` at ``REF_SIZE`` in a style: the characters the family lacks in
    the fallback fonts that have them."""
    face = _style_face(measurer, bold, italic, code)
    if measurer.fallbacks and not code:
        return _fallback_width(face, _fallback_faces(measurer, bold, italic), text)
    return _width(face, text)


@lru_cache(maxsize=256)
def _fallback_faces(measurer: Measurer, bold: bool,
                    italic: bool) -> tuple[tuple[_FaceFile, frozenset[int]], ...]:
    return tuple((_face_file(fallback.font.file(bold, italic)), fallback.codes)
                 for fallback in measurer.fallbacks)


@lru_cache(maxsize=65536)
def _fallback_width(face: _FaceFile, fallbacks: tuple[tuple[_FaceFile, frozenset[int]], ...],
                    text: str) -> float:
    """The width of ``text`` in ``face``, each piece it cannot draw in the first fallback that
    can (spaces and marks stay in the font before them), as the handbook sets them."""
    from guidebuilder.brand.glyphs import charset, font_pieces

    codes = charset(face[0])
    if codes.issuperset(map(ord, text)):
        return _width(face, text)
    pieces = [(face if index is None else fallbacks[index][0], piece) for index, piece
              in font_pieces(text, codes, [drawn for _, drawn in fallbacks])]
    return sum(_width(font, piece) for font, piece in pieces)


@lru_cache(maxsize=256)
def _style_face(measurer: Measurer, bold: bool, italic: bool, code: bool) -> _FaceFile:
    family = measurer.mono if code and measurer.mono else measurer.font
    return _face_file(family.file(bold, italic))


@lru_cache(maxsize=16384)
def _line_count(measurer: Measurer, runs: tuple[Run, ...], width: float, size: float) -> int:
    """The number of lines :meth:`Measurer.wrap` makes, counted without building them."""
    scale = size / REF_SIZE
    words: list[tuple[float, float]] = []  # (width of the space before, width of the word)
    space = text = 0.0
    in_word = pending_space = False
    for run in runs:
        for token in _tokens(run.text):
            if token.isspace():
                if in_word:
                    words.append((space, text))
                    in_word = False
                pending_space = True
                continue
            if not in_word:
                space = (_styled_width(measurer, run.bold, run.italic, run.code, " ") * scale
                         if pending_space and words else 0.0)
                text, in_word, pending_space = 0.0, True, False
            text += _styled_width(measurer, run.bold, run.italic, run.code, token) * scale
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


def unbroken_pieces(text: str) -> list[str]:
    """The pieces of ``text`` a line never breaks inside: its words, cut after hyphens."""
    return [token for token in _tokens(text) if not token.isspace()]


@lru_cache(maxsize=65536)
def _width(face_file: _FaceFile, text: str) -> float:
    if has_right_to_left(text):  # joined and shaped, as the handbook draws it, with or without raqm
        from guidebuilder.text.shaping import shaped_length

        return shaped_length(face_file[0], face_file[1], text, REF_SIZE)
    return _face(face_file).getlength(text)


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
                current.append(run.with_text(" "))
            pending_space = False
            current.append(run.with_text(token))
            if token.endswith("-"):
                words.append(current)
                current = []
    if current:
        words.append(current)
    return words


def _strip_start(run: Run) -> Run:
    return run.with_text(run.text.lstrip())


def append_run(line: list[Run], piece: Run) -> None:
    """Add ``piece`` to ``line``, merged into the last run when the style is the same."""
    if line and line[-1].same_style(piece):
        line[-1] = line[-1].with_text(line[-1].text + piece.text)
    elif piece.text:
        line.append(piece)


def own_line_factor(path: Path) -> float:
    """The line height the font at ``path`` asks for (its ascent and descent), as a multiple
    of the font size: what PowerPoint and LibreOffice set a line in at single spacing."""
    ascent, descent = _face(_face_file(path)).getmetrics()
    return (ascent + descent) / REF_SIZE


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'“‘(\[]?[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁΑ-Ω0-9])")


# short abbreviations a capital (a German noun, a name) may follow, in the guides' languages
_ABBREVIATIONS = frozenset({"approx", "ca", "cf", "dept", "dr", "esp", "etc", "excl", "fig",
    "incl", "jr", "mr", "mrs", "ms", "nr", "prof", "sr", "st", "vs", "abs", "bspw", "bzw", "evtl",
    "ggf", "gem", "inkl", "max", "min", "mind", "sog", "usw", "vgl", "zzgl", "aprox", "env", "np",
    "tzw", "itd", "itp", "wg", "tj", "ul"})


def _abbreviation(word: str) -> bool:
    """Whether ``word``, which ends in a full stop, abbreviates rather than ends a sentence: a
    single letter ("z.", "B."), full stops inside ("e.g.", "z.B.", "m.in.") or a common short
    one ("bzw.", "etc.", "np.")."""
    stem = word.rstrip(".").lstrip("\"'“‘([")
    return len(stem) <= 1 or "." in stem or stem.lower() in _ABBREVIATIONS


def leading_sentences(text: str, min_words: int) -> str:
    """The first sentences of ``text`` up to the first that brings them to ``min_words`` words
    (the whole text when it is shorter), so a lone "Yes." never stands for an answer; an
    abbreviation ("bzw. Plattform") ends no sentence."""
    text = text.strip()
    for end in _SENTENCE_END.finditer(text):
        lead = text[:end.start()]
        if lead.endswith(".") and _abbreviation(lead.rsplit(None, 1)[-1]):
            continue
        if len(lead.split()) >= min_words:
            return lead
    return text


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut and not text[limit - 1].isspace():  # the cut ends inside a word: drop it
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


WHOLE_WORDS = 0.6  # of the longest prefix that fits, kept at least to end it between words


def ellipsize(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` when ``fits(text)``; else its longest prefix that fits with "…" added, ended
    after a list's item or between words when that keeps most of it ("…, QA Engineer…", not
    "…, Product Desi…").
    Found by bisection, so even a very long text costs a few dozen measurements."""
    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + "…"):
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    if low < len(text) and not text[low].isspace():  # the cut falls inside a word: end it
        kept = cut.rstrip()  # after an item of a list, else between words, keeping most
        for between in (kept.rfind(", "), kept.rfind(" ")):
            if between >= WHOLE_WORDS * len(kept):
                cut = cut[:between].rstrip(" ,;:·")
                break
    return cut.rstrip() + "…"
