"""Fonts, paragraph styles and inline markup for the PDF handbook, all derived from the brand."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from guidebuilder.brand.glyphs import drawable, font_pieces, keep_drawable
from guidebuilder.brand.model import STYLES, Brand, Fallback, Font
from guidebuilder.guide.richtext import Run
from guidebuilder.text.hyphens import Hyphenator
from guidebuilder.text.markup import escape, quoteattr


def register_family(font: Font) -> dict[str, str]:
    """Register a font family's files with reportlab (once per process); return its font name
    per style. The names tell the very files apart (path, size, last change): a worker kept
    for many builds never sets one brand's text in another brand's font of the same file name,
    nor in an old version of a font file changed since."""
    files = {style: font.file("bold" in style, "italic" in style) for style in STYLES}
    identity = "\0".join(f"{path.resolve()}\0{path.stat().st_size}\0{path.stat().st_mtime_ns}"
                         for path in files.values())
    base = f"GB-{files['regular'].stem}-{hashlib.sha256(identity.encode()).hexdigest()[:12]}"
    names = {style: f"{base}-{style}" for style in STYLES}
    for style, path in files.items():
        if names[style] not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(names[style], str(path)))
    pdfmetrics.registerFontFamily(base, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bolditalic"])
    return names


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the handbook uses."""

    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bullet: ParagraphStyle
    cell_head: ParagraphStyle
    cell_dimension: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_text: ParagraphStyle
    step: ParagraphStyle
    fonts: dict[str, str]
    markup: Markup
    rtl: bool = False  # the guide is written right to left: every style mirrored
    hyphenation: Hyphenator | None = None  # where words of the guide's language may break


def build_styles(brand: Brand, rtl: bool = False,
                 hyphenation: Hyphenator | None = None) -> Styles:
    """Paragraph styles from the brand's fonts, sizes and colours; mirrored for a guide
    written right to left (``rtl``); ``hyphenation`` the guide's language's."""
    styles = replace(_styles(brand), hyphenation=hyphenation)
    if not rtl:
        return styles
    mirrored: dict[str, Any] = {field.name: rtl_style(value) for field in fields(styles)
                if isinstance(value := getattr(styles, field.name), ParagraphStyle)}
    return replace(styles, toc=tuple(map(rtl_style, styles.toc)), rtl=True, **mirrored)


def rtl_style(style: ParagraphStyle) -> ParagraphStyle:
    """The mirror of a left-to-right style: aligned right, its indents swapped, in reportlab's
    right-to-left mode (bullets at the right, their room taken from the right indent) and
    shaped (the paragraph then draws its lines in visual order, see ``TaggedParagraph``)."""
    if style.wordWrap == "RTL":
        return style
    alignment: Any = style.alignment
    alignment = {TA_LEFT: TA_RIGHT, TA_RIGHT: TA_LEFT}.get(alignment, alignment)
    # a hanging first line (a question's "Q:" out in the margin) starts at the margin: reportlab
    # moves a right-to-left first line at its left, which left the question as indented as its
    # answer, no longer standing out
    hanging = min(0.0, style.firstLineIndent)
    return style.clone(f"{style.name}-rtl", alignment=alignment, wordWrap="RTL", shaping=1,
                       leftIndent=style.rightIndent, rightIndent=style.leftIndent + hanging,
                       firstLineIndent=style.firstLineIndent - hanging)


def indented(style: ParagraphStyle, name: str, text: float, bullet: float) -> ParagraphStyle:
    """``style`` indented ``text`` points more, its bullet ``bullet`` points more, on the side
    lines begin (the right for a right-to-left style)."""
    if style.wordWrap == "RTL":
        return style.clone(name, rightIndent=style.rightIndent + text,
                           bulletIndent=style.bulletIndent + bullet)
    return style.clone(name, leftIndent=style.leftIndent + text,
                       bulletIndent=style.bulletIndent + bullet)


def _styles(brand: Brand) -> Styles:
    base_fonts = register_family(brand.typography.base)
    base_bold = base_fonts["bold"]
    base = base_bold if brand.typography.base_bold else base_fonts["regular"]
    heading_style = (("bold" if brand.typography.heading_bold else "")
                     + ("italic" if brand.typography.heading_italic else "")) or "regular"
    heading = register_family(brand.typography.headings)[heading_style]
    size = brand.typography.base_size
    surface = brand.surfaces.page
    text = HexColor(surface.text)
    primary = HexColor(surface.heading)
    body = ParagraphStyle("body", fontName=base, fontSize=size, leading=size * brand.typography.line_height,
                          textColor=text, spaceAfter=size * 0.6, alignment=TA_LEFT,
                          splitLongWords=1, allowWidows=0, allowOrphans=0)
    bullet = ParagraphStyle("bullet", body, leftIndent=size * 1.6, bulletIndent=size * 0.5,
                            spaceAfter=size * 0.3, bulletFontName=base)
    csize = max(8.0, size - 1)
    cell = ParagraphStyle("cell", body, fontSize=csize, leading=csize * 1.3, spaceAfter=csize * 0.3)
    cell_bullet = ParagraphStyle("cell_bullet", cell, leftIndent=csize * 1.1, bulletIndent=0,
                                 bulletFontName=base)
    cell_head = ParagraphStyle("cell_head", cell, fontName=heading,
                               textColor=HexColor(brand.colors.background), spaceAfter=0)
    cell_dimension = ParagraphStyle("cell_dimension", cell,
                                    fontName=heading,
                                    textColor=primary)

    def head(name: str, scale: float, before: float, color: Color = primary) -> ParagraphStyle:
        return ParagraphStyle(name, body, fontName=heading,
                              fontSize=size * scale,
                              leading=size * scale * brand.typography.heading_line_height,
                              textColor=color, spaceBefore=size * before,
                              spaceAfter=size * 0.6, keepWithNext=1)

    return Styles(
        body=body, bullet=bullet, cell=cell, cell_bullet=cell_bullet, cell_head=cell_head,
        cell_dimension=cell_dimension,
        h1=head("h1", 2.0, 1.8), h2=head("h2", 1.45, 1.4), h3=head("h3", 1.15, 1.0),
        question=ParagraphStyle("question", head("q", 1.0, 0.9, text), spaceAfter=size * 0.25,
                                leftIndent=size * 2.2, firstLineIndent=-size * 2.2),
        answer=ParagraphStyle("answer", body, leftIndent=size * 2.2),
        toc=_contents_styles(body, base, heading),
        cover_title=ParagraphStyle("cover_title", head("ct", 3.0, 0.0), leading=size * 3.5),
        cover_subtitle=ParagraphStyle("cover_subtitle", body, fontSize=size * 1.7,
                                      leading=size * 2.2, textColor=HexColor(surface.accent)),
        cover_text=ParagraphStyle("cover_text", body, textColor=HexColor(surface.muted)),
        step=ParagraphStyle("step", body, fontName=base_bold,
                            fontSize=size - 1, leading=(size - 1) * 1.2, spaceAfter=0,
                            textColor=HexColor(brand.colors.background)),
        fonts={"base": base, "heading": heading, "regular": base_fonts["regular"],
               "bold": base_bold},
        markup=Markup(brand.typography.mono, _css(surface.link), _css(surface.code),
                      round(size * (brand.typography.code_scale - 1), 1), drawable(brand),
                      brand.typography.fallbacks or (),
                      (brand.typography.heading_bold, brand.typography.heading_italic)),
    )


def _contents_styles(body: ParagraphStyle, base: str,
                     heading: str) -> tuple[ParagraphStyle, ...]:
    """The contents page's line styles, one per heading level."""
    size = body.fontSize
    return tuple(ParagraphStyle(f"toc{level}", body, fontName=base if level else heading,
                                fontSize=size + (0.5 if level == 0 else -0.5),
                                leading=(size + 1) * 1.45,
                                leftIndent=level * size * 1.6 + size * 1.6,
                                firstLineIndent=-size * 1.6,
                                spaceBefore=size * (0.5 if level == 0 else 0), spaceAfter=0)
                 for level in range(3))


def _css(hex_color: str) -> str:
    """``#RRGGBB`` as ``rgb(r,g,b)``: the same colour to reportlab, which parses this form
    directly but tries every other notation (some of them slow) before a hex one."""
    value = int(hex_color.lstrip("#"), 16)
    return f"rgb({value >> 16},{value >> 8 & 255},{value & 255})"


@dataclass(frozen=True)
class Markup:
    """Turns text into reportlab paragraph markup: every character escaped, characters the
    fonts cannot draw left out, links only for safe schemes."""

    mono_family: Font  # registered with reportlab at the first code span (most guides have none)
    link_color: str  # as rgb(r,g,b)
    code_color: str
    code_delta: float  # points added to the size of code spans (the brand's monospace size)
    codes: frozenset[int]
    fallbacks: tuple[Fallback, ...] = ()  # fonts for scripts the brand's fonts miss
    heading_style: tuple[bool, bool] = (True, False)  # the heading font's (bold, italic)

    def text(self, text: str, bold: bool = False, italic: bool = False) -> str:
        if self.simple(text):
            return escape(keep_drawable(text, self.codes))
        style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
        return "".join(escape(piece) if font is None else
                       f"<font name={quoteattr(register_family(font)[style])}>{escape(piece)}</font>"
                       for font, piece in self._pieces(text))

    def heading(self, text: str) -> str:
        """:meth:`text` for text set in the heading font: fallback fonts in its weight."""
        return self.text(text, *self.heading_style)

    def font_runs(self, text: str, font_name: str, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` as (font name, piece) runs: ``font_name`` where the brand's fonts draw it,
        the fallback fonts elsewhere; what no font draws left out."""
        style = "bold" if bold else "regular"
        return [(font_name if font is None else register_family(font)[style], piece)
                for font, piece in self._pieces(text)]

    def simple(self, text: str) -> bool:
        """Whether ``text`` is drawn in the brand's font alone (left out what it lacks)."""
        return not self.fallbacks or self.codes.issuperset(map(ord, text))

    def _pieces(self, text: str) -> list[tuple[Font | None, str]]:
        """``text`` cut where its font changes: the brand's (None) or a fallback; spaces and
        marks keep the font before them, characters no font has are left out."""
        drawn = [fallback.codes for fallback in self.fallbacks]
        return [(None if index is None else self.fallbacks[index].font, piece) for index, piece
                in font_pieces(text, self.codes, drawn, keep_missing=False)]

    def runs(self, runs: tuple[Run, ...] | list[Run]) -> str:
        parts = []
        for run in runs:
            text = self.text(run.text, run.bold, run.italic)
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            if run.code:  # outside the <b> and <i>: a font tag inside them drops their style
                text = (f"<font name={quoteattr(self.mono)} color={quoteattr(self.code_color)}"
                        f"{self._code_size()}>{text}</font>")
            if run.safe_link:
                text = (f"<a href={quoteattr(run.safe_link)} color={quoteattr(self.link_color)}>"
                        f"<u>{text}</u></a>")
            parts.append(text)
        return "".join(parts)

    @cached_property
    def mono(self) -> str:
        return register_family(self.mono_family)["regular"]

    def _code_size(self) -> str:
        return f' size="{self.code_delta:+g}"' if self.code_delta else ""
