"""The brand.yml ``typography`` key: font files and families, base and heading styles, resolved
to the fonts and sizes the outputs use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from guidebuilder.brand.color import BrandColor, resolve_color
from guidebuilder.brand.fonts import FontFileError, embeddable, system_font
from guidebuilder.brand.model import DEFAULT_BRAND, STYLES, Font
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Expandable
from guidebuilder.reading.located import Key

_GENERIC = {"sans-serif", "serif", "monospace", "system-ui", "arial", "helvetica"}


class FontFile(Expandable):
    shorthand_for = "path"

    path: str
    weight: str | None = None
    style: Literal["normal", "italic", "oblique"] | None = None


class FontSource(Closed):
    family: str
    source: Literal["file", "system", "google", "bunny"] = "file"
    files: list[FontFile] = Field(default_factory=list)
    weight: Any = None
    style: Any = None
    display: str | None = None


class TextStyle(Expandable):
    shorthand_for = "family"

    family: str | None = None
    size: str | None = None
    weight: str | None = None
    style: str | None = None
    color: str | None = None
    background_color: str | None = Field(None, alias="background-color")
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


@dataclass(frozen=True)
class Type:
    """The resolved typography."""

    base: Font
    headings: Font
    mono: Font
    base_size: float
    line_height: float
    heading_color: str | None


def resolve_typography(res: Resolution, typography: BrandTypography | None,
                       color: BrandColor | None) -> Type:
    """Fonts, sizes and the headings colour; unset values keep the built-in ones."""
    families = _font_files(res, typography)
    base_style = typography.base if typography else None
    heading_style = typography.headings if typography else None
    base = _family(res, families, base_style, ("typography", "base"), DEFAULT_BRAND.base)
    headings = _family(res, families, heading_style, ("typography", "headings"), base)
    mono = _family(res, families, typography.monospace if typography else None,
                   ("typography", "monospace"), DEFAULT_BRAND.mono)
    heading_color = None
    if heading_style and heading_style.color:
        heading_color = resolve_color(res, color, heading_style.color,
                                      ("typography", "headings", "color"))
    return Type(base, headings, mono,
                _size(res, base_style.size if base_style else None, ("typography", "base", "size")),
                _line_height(base_style.line_height if base_style else None), heading_color)


def _font_files(res: Resolution, typography: BrandTypography | None) -> dict[str, Font]:
    """The ``source: file`` families, by lower-case name, with their checked files."""
    families: dict[str, Font] = {}
    for index, entry in enumerate(typography.fonts if typography else []):
        if entry.source != "file":
            continue
        files: dict[str, Path] = {}
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
            bold = _is_bold(item.weight)
            italic = item.style in ("italic", "oblique")
            files.setdefault(STYLES[bold + 2 * italic], usable)
        if files:
            families[entry.family.lower()] = Font(entry.family, files)
        elif not entry.files:
            res.fail(("typography", "fonts", index), f"font '{entry.family}' lists no files",
                     "add 'files:' with the .ttf paths, or use 'source: system'")
    return families


def _family(res: Resolution, families: dict[str, Font], style: TextStyle | None, path: Key,
            fallback: Font) -> Font:
    if not style or not style.family:
        return fallback
    family = style.family
    if family.lower() in families:
        return families[family.lower()]
    if family.lower() in _GENERIC:
        return fallback
    files = {style_name: found for style_name in STYLES
             if (found := system_font(family, "bold" in style_name, "italic" in style_name))}
    if "regular" in files:
        families[family.lower()] = Font(family, files)
        return families[family.lower()]
    res.warn((*path, "family"), f"font '{family}' is not in typography.fonts nor installed; "
                                f"using {fallback.family}")
    return fallback


def _size(res: Resolution, value: str | None, path: Key) -> float:
    """Base size in points, kept within what reads well in print (9–12 pt)."""
    if not value:
        return DEFAULT_BRAND.base_size
    text = value.strip().lower()
    factors = {"pt": 1.0, "px": 0.75, "rem": 12.0, "em": 12.0}
    unit = next((u for u in factors if text.endswith(u)), "")
    try:
        number = float(text[: len(text) - len(unit)] if unit else text)
    except ValueError:
        res.fail(path, f"'{value}' is not a size", "write a size such as 11pt, 16px or 1rem")
        return DEFAULT_BRAND.base_size
    points = number * factors.get(unit, 0.75)
    return min(12.0, max(9.0, points))


def _line_height(value: str | None) -> float:
    try:
        return min(2.0, max(1.15, float(value))) if value else DEFAULT_BRAND.line_height
    except ValueError:
        return DEFAULT_BRAND.line_height


def _is_bold(weight: str | None) -> bool:
    if weight is None:
        return False
    text = str(weight).strip().lower()
    if text in ("bold", "bolder", "semibold", "extrabold", "black"):
        return True
    try:
        return int(text) >= 600
    except ValueError:
        return False
