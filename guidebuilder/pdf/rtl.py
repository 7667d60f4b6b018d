"""Right-to-left and mixed-direction text in the handbook, shaped with HarfBuzz: paragraph lines
broken with shaped widths and drawn one line at a time in visual order, and single lines on the
canvas (running header, footer, cover band). Imported only for guides that have such text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.paragraph import ParaLines

from guidebuilder.pdf.reportlab_internals import enable_shaping, words_measured_by
from guidebuilder.text.bidi import levels, visual_runs
from guidebuilder.text.direction import first_strong_rtl

enable_shaping()

OBJECT = "\ufffc"  # stands for a fragment without text (a callback) in a line's bidi text
_FEATURES = {"kern": True, "liga": True}


@lru_cache(maxsize=64)
def _hb_font(font_name: str) -> tuple[Any, Any]:
    """reportlab's font ``font_name`` (a TTFont) and a HarfBuzz font on its file, in 1/1000 em
    units."""
    ttf: Any = pdfmetrics.getFont(font_name)
    ttf.shapable = True  # false when the font was registered before HarfBuzz was loaded
    return ttf, ttf.hbFont(1000)  # hbFont also readies ttf.hbAddPrivate


@lru_cache(maxsize=16384)
def shape(font_name: str, text: str, start: int, end: int, rtl: bool) -> tuple[ShapedStr, float]:
    """``text[start:end]`` shaped in one direction (the rest of ``text`` is context, so that
    letters join across a change of style): glyphs as reportlab draws them, in visual order,
    and their advance in 1/1000 em. A right-to-left run also mirrors its brackets."""
    ttf, font = _hb_font(font_name)
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text], start, end - start)
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.guess_segment_properties()
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buffer, _FEATURES)
    face = ttf.face
    chars: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        advance = ttf.pdfScale(position.x_advance)
        mapped = face.glyphToChar.get(info.codepoint)
        # a glyph no character maps to (a contextual form, a ligature) gets a private-use code
        code = mapped[0] if mapped else ttf.hbAddPrivate(font.glyph_to_string(info.codepoint),
                                                         info.codepoint, advance)
        data.append(ShapeData(info.cluster, advance, ttf.pdfScale(position.y_advance),
                              ttf.pdfScale(position.x_offset), ttf.pdfScale(position.y_offset),
                              face.charWidths[code]))
        chars.append(chr(code))
        total += advance
    glyph_data: Any = data
    return ShapedStr("".join(chars), shapeData=glyph_data), total


@lru_cache(maxsize=65536)
def shaped_width(font_name: str, text: str) -> float:
    """The advance of ``text`` shaped in its own direction, in 1/1000 em."""
    return shape(font_name, text, 0, len(text), bool(first_strong_rtl(text)))[1]


def _measure_word(word: Any, features: Any = None, force: bool = False) -> Any:
    """reportlab's word shaper while lines are broken: the word keeps its logical text (so a
    paragraph split across pages re-wraps it), its width becomes the shaped width."""
    if not isinstance(word, list) or len(word) < 2:
        return word
    width = 0.0
    for frag, text in word[1:]:
        if hasattr(frag, "cbDefn"):
            width += getattr(frag, "width", 0)
        elif text:
            width += shaped_width(frag.fontName, text) * frag.fontSize / 1000
    word[0] = width
    return word


@contextmanager
def shaped_breaking(font_name: str) -> Iterator[None]:
    """Inside, reportlab breaks the lines of a paragraph whose style sets ``font_name`` (and
    ``shaping``) with the shaped width of each word."""
    _hb_font(font_name)  # reportlab shapes only when the style's font says it can
    with words_measured_by(_measure_word):
        yield


def _frag_text(frag: Any) -> str:
    return OBJECT if hasattr(frag, "cbDefn") else (frag.text or "")


def visual_layout(layout: ParaLines, rtl: bool) -> ParaLines:
    """A paragraph's broken lines (logical fragments) as lines of shaped fragments in visual
    order, ready for reportlab to draw. The levels are resolved for the whole paragraph and
    applied line by line (UAX #9). A right-to-left style's lines are handed over reversed:
    reportlab reverses them again."""
    base = int(rtl)
    texts = ["".join(_frag_text(frag) for frag in line.words) for line in layout.lines]
    joined, starts = "", []
    for text in texts:
        starts.append(len(joined))
        joined += text if text.endswith(" ") else text + " "
    resolved = levels(joined, rtl) if joined.strip() else (base,) * len(joined)
    lines = []
    for line, text, start in zip(layout.lines, texts, starts, strict=True):
        words, width = _visual_words(line.words, text, resolved[start:start + len(text)], base)
        lines.append(line.clone(words=words[::-1] if rtl else words,
                                extraSpace=line.maxWidth - width))
    return layout.clone(lines=lines)


def _visual_words(frags: Sequence[Any], text: str, line_levels: Sequence[int],
                  base: int) -> tuple[list[Any], float]:
    """A line's fragments cut into runs of one fragment and one level, in visual order, each
    shaped; and the line's width."""
    owners = [index for index, frag in enumerate(frags) for _ in _frag_text(frag)]
    words: list[Any] = []
    width = 0.0
    for start, end, level in visual_runs(text, line_levels, owners, base):
        frag = frags[owners[start]]
        if hasattr(frag, "cbDefn"):
            words.append(frag)
            width += getattr(frag.cbDefn, "width", 0) or 0
            continue
        glyphs, advance = shape(frag.fontName, text, start, end, level % 2 == 1)
        piece = frag.clone()
        piece.text = glyphs
        words.append(piece)
        width += advance * frag.fontSize / 1000
    return words, width


def line_width(runs: Sequence[tuple[str, str]], size: float) -> float:
    """The width in points of a line of (font name, text) runs."""
    return sum(shaped_width(font, text) for font, text in runs) * size / 1000


def draw_line(canvas: Canvas, x: float, y: float, runs: Sequence[tuple[str, str]], size: float,
              rtl: bool, align: str = "left") -> float:
    """A line of (font name, text) runs in logical order, drawn in visual order starting at
    ``x`` (``align`` "right": ending at ``x``); returns its width."""
    text = "".join(piece for _, piece in runs)
    owners = [index for index, (_, piece) in enumerate(runs) for _ in piece]
    placed = []
    for start, end, level in visual_runs(text, levels(text, rtl), owners, int(rtl)):
        font = runs[owners[start]][0]
        glyphs, advance = shape(font, text, start, end, level % 2 == 1)
        placed.append((font, glyphs, advance * size / 1000))
    width = sum(advance for _, _, advance in placed)
    left = x - width if align == "right" else x
    line = canvas.beginText(left, y)
    for font, glyphs, advance in placed:
        line.setTextOrigin(left, y)
        line.setFont(font, size)
        line.textOut(glyphs)
        left += advance
    canvas.drawText(line)
    return width
