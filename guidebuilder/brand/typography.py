"""The brand.yml ``typography`` key: font files and families, base, heading, monospace and link
styles, resolved to the fonts, weights, sizes and text colours the outputs use."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field

from guidebuilder.brand.color import ColorResolver, ColorValue, TextColors
from guidebuilder.brand.fonts import FontFileError, embeddable, system_font
from guidebuilder.brand.model import DEFAULT_BRAND, STYLES, Font, Typography
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Expandable
from guidebuilder.guide.richtext import clean
from guidebuilder.reading.located import Key

GENERIC = {"sans-serif", "serif", "monospace", "system-ui", "ui-sans-serif", "ui-serif",
           "ui-monospace", "cursive", "fantasy", "arial", "helvetica", "courier new", "courier"}
WEIGHTS = {"thin": 100, "extra-light": 200, "ultra-light": 200, "light": 300, "normal": 400,
           "regular": 400, "medium": 500, "semi-bold": 600, "demi-bold": 600, "bold": 700,
           "extra-bold": 800, "ultra-bold": 800, "black": 900}
MAX_STACK = 10  # families of a CSS font stack tried; each may ask fontconfig four times
MAX_BASE_SIZE = 72.0  # points: larger is no text size (it is kept to 9-12 pt in print)
PRINT_SIZES = (9.0, 12.0)  # points: the handbook's body text stays in this range
MAX_LINE_HEIGHT = 10.0  # times the font size


class FontFile(Expandable):
    shorthand_for = "path"

    path: str
    weight: str | None = None
    style: Literal["normal", "italic", "oblique"] | None = None


class FontSource(Closed):
    """A font family and where it comes from; without ``source``, a family to use if installed."""

    family: str
    source: Literal["file", "system", "google", "bunny"] | None = None
    files: list[FontFile] = Field(default_factory=list)
    weight: str | list[str] | None = None
    style: str | list[str] | None = None
    display: Literal["auto", "block", "swap", "fallback", "optional"] | None = None


class TextStyle(Expandable):
    """Options of one kind of text; a plain string gives the family only."""

    shorthand_for = "family"

    family: str | None = None
    size: str | None = None
    weight: str | None = None
    style: Literal["normal", "italic", "oblique"] | None = None
    color: ColorValue | None = None
    background_color: ColorValue | None = Field(None, alias="background-color")
    line_height: str | None = Field(None, alias="line-height")
    decoration: str | None = None


class BrandTypography(Closed):
    fonts: list[FontSource] = Field(default_factory=list)
    base: TextStyle | None = None
    headings: TextStyle | None = None
    monospace: TextStyle | None = None
    monospace_inline: TextStyle | None = Field(None, alias="monospace-inline")
    monospace_block: TextStyle | None = Field(None, alias="monospace-block")
    link: TextStyle | None = None


_Face = tuple[int, bool, Path]  # weight, italic, file


def resolve_typography(res: Resolution, typography: BrandTypography | None,
                       colors: ColorResolver) -> tuple[Typography, TextColors]:
    """Fonts, weights, sizes, and the text colours typography sets; what is unset keeps the
    built-in values."""
    t = typography or BrandTypography.model_validate({})
    empty = TextStyle.model_validate({})
    base, headings = t.base or empty, t.headings or empty
    mono = t.monospace_inline or t.monospace or empty
    files = _font_files(res, t)
    base_weight = _weight(res, base.weight, ("typography", "base", "weight"), 400)
    heading_weight = _weight(res, headings.weight, ("typography", "headings", "weight"), 700)
    families = _Families(res, t, files)
    base_font = families.pick(base, ("typography", "base"), DEFAULT_BRAND.typography.base,
                              base_weight, 700)
    heading_font = families.pick(headings, ("typography", "headings"), base_font, 400,
                                 max(heading_weight, 600))
    mono_path = ("typography", "monospace-inline" if t.monospace_inline else "monospace")
    mono_font = families.pick(mono, mono_path, DEFAULT_BRAND.typography.mono, 400, 700)
    size = _size(res, base.size, ("typography", "base", "size"))
    text = TextColors(
        heading=_color(colors, headings.color, ("typography", "headings", "color")),
        link=_color(colors, t.link.color if t.link else None, ("typography", "link", "color")),
        code=_color(colors, mono.color, (*mono_path, "color")))
    default = DEFAULT_BRAND.typography
    return Typography(
        base=base_font, headings=heading_font, mono=mono_font, base_size=size,
        line_height=_line_height(res, base.line_height, ("typography", "base", "line-height"),
                                 1.15, 2.0, default.line_height),
        base_bold=base_weight >= 600, heading_bold=heading_weight >= 600,
        heading_italic=headings.style in ("italic", "oblique"),
        heading_line_height=_line_height(res, headings.line_height,
                                         ("typography", "headings", "line-height"), 1.0, 1.6,
                                         default.heading_line_height),
        code_scale=_scale(res, mono.size, (*mono_path, "size"), size),
        declared=_declared(t), spare=tuple(
            _from_faces(name, files[name.lower()], 400, 700) for name in _declared(t)
            if name.lower() in files
            and name.lower() not in {f.family.lower() for f in (base_font, heading_font, mono_font)})), text


def _declared(t: BrandTypography) -> tuple[str, ...]:
    """Every family the brand names (its text styles' stacks, then its fonts), once each."""
    stacks = [name for style in (t.base, t.headings, t.monospace_inline, t.monospace)
              if style and style.family for name in _stack(style.family)[:MAX_STACK]]
    seen: dict[str, str] = {}
    for name in [*stacks, *(clean(entry.family) for entry in t.fonts)]:
        if name.lower() not in GENERIC:
            seen.setdefault(name.lower(), name)
    return tuple(seen.values())


def _color(colors: ColorResolver, value: ColorValue | None, path: Key) -> tuple[str, Key] | None:
    found = colors.value(value, path)
    return (found, path) if found else None


def _font_files(res: Resolution, t: BrandTypography) -> dict[str, list[_Face]]:
    """The ``source: file`` families, by lower-case name, with their checked faces."""
    families: dict[str, list[_Face]] = {}
    for index, entry in enumerate(t.fonts):
        if entry.source not in ("file", None) or (entry.source is None and not entry.files):
            continue  # fonts listed by family only: used when installed
        if not entry.files:
            res.fail(("typography", "fonts", index), f"font '{clean(entry.family)}' lists no files",
                     "add 'files:' with the .ttf paths, or use 'source: system'")
            continue
        for f_index, item in enumerate(entry.files):
            where: Key = ("typography", "fonts", index, "files", f_index, "path")
            path = res.file(item.path, where, "font")
            if path is None:
                continue
            try:
                usable = embeddable(path)
            except FontFileError as exc:
                res.fail(where, f"{item.path}: {exc}",
                         "use a .ttf file (or .otf, .woff, .woff2 that can be converted)")
                continue
            weight = _weight(res, item.weight, (*where[:-1], "weight"), 400)
            families.setdefault(clean(entry.family).lower(), []).append(
                (weight, item.style in ("italic", "oblique"), usable))
    return families


class _Families:
    """Finds the first usable family of a CSS font stack, with one notice per family that
    cannot be used."""

    def __init__(self, res: Resolution, t: BrandTypography, files: dict[str, list[_Face]]) -> None:
        self.res = res
        self.files = files
        self.declared = {clean(entry.family).lower(): (index, entry) for index, entry in
                         enumerate(t.fonts)}

    def pick(self, style: TextStyle, path: Key, fallback: Font, regular: int, bold: int) -> Font:
        if not style.family:
            return fallback
        skipped: list[str] = []
        stack = _stack(style.family)
        if len(stack) > MAX_STACK:
            self.res.warn((*path, "family"), f"the font stack names {len(stack):,} families; "
                                             f"only the first {MAX_STACK} are tried",
                          f"list at most {MAX_STACK} families")
        for family in stack[:MAX_STACK]:
            key = family.lower()
            if key in GENERIC:
                break
            if key in self.files:
                self._notice(skipped, family, path)
                return _from_faces(family, self.files[key], regular, bold)
            found = self._installed(family)
            if found:
                self._notice(skipped, family, path)
                return found
            skipped.append(family)
        self._notice(skipped, f"{fallback.family} ({fallback.file().stem})", path)
        return fallback

    def _installed(self, family: str) -> Font | None:
        """The family as fontconfig finds it installed, each file checked (and converted from
        CFF outlines where needed); None when it is not installed or cannot be embedded."""
        files = {}
        for name in STYLES:
            hit = system_font(family, "bold" in name, "italic" in name)
            if hit is not None:
                try:
                    files[name] = embeddable(hit)
                except FontFileError:
                    continue
        return Font(family, files) if "regular" in files else None

    def _notice(self, skipped: list[str], used: str, path: Key) -> None:
        for family in skipped:
            index, entry = self.declared.get(family.lower(), (None, None))
            source = entry.source if entry and entry.source else "not in typography.fonts"
            where: Key = ("typography", "fonts", index) if index is not None else (*path, "family")
            self.res.warn(where, f"the font '{family}' ({source}) is not installed here and "
                                 f"guidebuilder downloads nothing; using {used}",
                          "to use it, download its font files and list them under "
                          "typography.fonts with 'source: file' (docs/branding.md, \"A downloaded "
                          "Google font\", shows how)")


def _stack(families: str) -> list[str]:
    """The family names of a CSS font stack, in order, without quotes or control characters."""
    names = (clean(name).strip("'\"").strip() for name in families.split(","))
    return [name for name in names if name]


def _from_faces(family: str, faces: list[_Face], regular: int, bold: int) -> Font:
    """A Font whose regular and bold styles are the faces nearest ``regular`` and ``bold``."""
    def nearest(weight: int, italic: bool) -> Path | None:
        candidates = [f for f in faces if f[1] == italic]
        if not candidates:
            return None
        return min(candidates, key=lambda f: (abs(f[0] - weight), -f[0]))[2]

    chosen = {"regular": nearest(regular, False) or nearest(regular, True),
              "bold": nearest(bold, False), "italic": nearest(regular, True),
              "bolditalic": nearest(bold, True)}
    return Font(family, {name: path for name, path in chosen.items() if path is not None})


_RANGE = re.compile(r"^(\w[\w-]*)\s*\.\.\s*(\w[\w-]*)$")


def _weight(res: Resolution, value: str | None, path: Key, default: int) -> int:
    """A weight (``600``, ``semi-bold``); of a range (``400..700``, a variable font's), the
    lower bound, with a notice."""
    if value is None:
        return default
    text = str(value).strip().lower()
    bounds = _RANGE.match(text)
    if bounds and _weight_number(bounds[1]) and _weight_number(bounds[2]):
        low = min(_weight_number(bounds[1]) or 0, _weight_number(bounds[2]) or 0)
        res.warn(path, f"the weight range '{value}' is used at its lower bound, {low}",
                 "give one weight (such as 400 or bold) to choose another")
        return low
    found = _weight_number(text)
    if found:
        return found
    res.warn(path, f"'{value}' is not a font weight; using {default}",
             "use 100-900, a range such as 400..700, or a name such as normal, semi-bold or bold")
    return default


def _weight_number(text: str) -> int | None:
    """A weight name or number (1-1000) as a number; None when it is neither."""
    if text in WEIGHTS:
        return WEIGHTS[text]
    return int(text) if text.isdigit() and 1 <= int(text) <= 1000 else None


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|px|rem|em|%)?\s*$")


def _size(res: Resolution, value: str | None, path: Key) -> float:
    """Base size in points, kept within what reads well in print (9–12 pt)."""
    if value is None or not str(value).strip():
        return DEFAULT_BRAND.typography.base_size
    match = _LENGTH.match(str(value).lower())
    if not match:
        res.fail(path, f"'{value}' is not a size", "write a size such as 11pt, 16px or 1rem")
        return DEFAULT_BRAND.typography.base_size
    number, unit = float(match[1]), match[2] or "px"
    points = number * {"pt": 1.0, "px": 0.75, "rem": 12.0, "em": 12.0, "%": 0.12}[unit]
    if not 0 < points <= MAX_BASE_SIZE:
        res.fail(path, f"'{value}' is not a text size", "write a size such as 11pt, 16px or "
                 f"1rem (above 0 and at most {MAX_BASE_SIZE:.0f}pt; print keeps it to 9-12pt)")
        return DEFAULT_BRAND.typography.base_size
    used = min(PRINT_SIZES[1], max(PRINT_SIZES[0], points))
    if used != points:
        res.warn(path, f"the base size '{value}' ({points:g}pt) is outside what the handbook "
                       f"prints ({PRINT_SIZES[0]:g}-{PRINT_SIZES[1]:g}pt); its text is set at "
                       f"{used:g}pt (slides size their own text)",
                 f"give a size from {PRINT_SIZES[0]:g}pt to {PRINT_SIZES[1]:g}pt to use it as is")
    return used


def _scale(res: Resolution, value: str | None, path: Key, base_size: float) -> float:
    """A monospace size as a factor of the text around it (``0.9em``, ``90%``, ``10pt``)."""
    if not value:
        return 1.0
    match = _LENGTH.match(value.lower())
    if not match:
        res.warn(path, f"'{value}' is not a size; code keeps the size of its text",
                 "write a size such as 0.9em or 90%")
        return 1.0
    number, unit = float(match[1]), match[2] or "px"
    factor = {"em": number, "rem": number, "%": number / 100,
              "pt": number / base_size, "px": number * 0.75 / base_size}[unit]
    return min(1.5, max(0.6, factor))


def _line_height(res: Resolution, value: str | None, path: Key, low: float, high: float,
                 default: float) -> float:
    """A line height as a multiple of the font size (``1.4``, ``1.4em``, ``140%``)."""
    if value is None or not str(value).strip():
        return default
    match = _LENGTH.match(str(value).lower())
    if not match or match[2] in ("pt", "px"):
        res.warn(path, f"line-height '{value}' is not a multiple of the font size; using "
                       f"{default}", "write a number such as 1.4")
        return default
    number = float(match[1]) / (100 if match[2] == "%" else 1)
    if not 0 < number <= MAX_LINE_HEIGHT:
        res.fail(path, f"line-height '{value}' is not a line height", "write a multiple of "
                 f"the font size above 0 and at most {MAX_LINE_HEIGHT:.0f}, such as 1.4")
        return default
    return min(high, max(low, number))
