"""The brand.yml ``color`` key: its schema, palette and theme names resolved to ``#RRGGBB``,
and the contrast checks on the resolved colours."""

from __future__ import annotations

import dataclasses

from pydantic import Field

from guidebuilder.brand.colormath import contrast, to_hex
from guidebuilder.brand.model import DEFAULT_BRAND, Brand, Colors
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed
from guidebuilder.reading.located import Key

THEME_COLORS = ("foreground", "background", "primary", "secondary", "tertiary", "success",
                "info", "warning", "danger", "light", "dark")


class BrandColor(Closed):
    palette: dict[str, str] = Field(default_factory=dict)
    foreground: str | None = None
    background: str | None = None
    primary: str | None = None
    secondary: str | None = None
    tertiary: str | None = None
    success: str | None = None
    info: str | None = None
    warning: str | None = None
    danger: str | None = None
    light: str | None = None
    dark: str | None = None


def resolve_color(res: Resolution, color: BrandColor | None, value: str, path: Key,
                  seen: tuple[str, ...] = ()) -> str:
    """``value`` (a palette name or any CSS colour) as ``#RRGGBB``; a problem when it is neither."""
    from PIL import ImageColor

    palette = color.palette if color else {}
    if value in palette and value not in seen:
        return resolve_color(res, color, palette[value], ("color", "palette", value),
                             (*seen, value))
    try:
        red, green, blue = ImageColor.getrgb(value)[:3]
    except ValueError:
        names = ", ".join(sorted(palette)) or "none defined"
        res.fail(path, f"'{value}' is not a colour or a palette name",
                 f"use #RRGGBB, #RGB, a CSS colour name, rgb(r, g, b) or a palette name ({names})")
        return "#000000"
    return to_hex(red, green, blue)


def resolve_colors(res: Resolution, color: BrandColor | None) -> Colors:
    """The theme colours the outputs use; unset ones keep the built-in values."""
    if not color:
        return DEFAULT_BRAND.colors
    for name, value in color.palette.items():
        resolve_color(res, color, value, ("color", "palette", name), (name,))
    values = {key: resolve_color(res, color, getattr(color, key), ("color", key))
              for key in THEME_COLORS if getattr(color, key)}
    known = {f.name for f in dataclasses.fields(Colors)}
    return dataclasses.replace(DEFAULT_BRAND.colors,
                               **{k: v for k, v in values.items() if k in known})


def check_contrast(res: Resolution, brand: Brand) -> None:
    """A warning for each text/background pair below WCAG AA."""
    c = brand.colors
    ink = brand.ink_on(brand.heading_color)
    pairs = [("foreground", c.foreground, "background", c.background, ("color", "foreground")),
             ("headings (primary)", brand.heading_color, "background", c.background,
              ("color", "primary")),
             ("text on primary", ink, "primary", brand.heading_color, ("color", "primary"))]
    for name_a, a, name_b, b, path in pairs:
        ratio = contrast(a, b)
        if ratio < 4.5:
            res.warn(path, f"{name_a} {a} on {name_b} {b} has a contrast of {ratio:.1f}:1, "
                           "below WCAG AA (4.5:1); text may be hard to read")
