"""The brand.yml ``color`` key: its schema, colour values resolved to ``#RRGGBB`` (theme and
palette names, light/dark pairs), the colours the brand leaves out derived from those it gives,
and text colours made readable on the backgrounds they sit on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from guidebuilder.brand.colormath import AA, contrast, is_light, mix, ratio_text, to_hex
from guidebuilder.brand.model import DEFAULT_BRAND, Colors, Surface, Surfaces
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed
from guidebuilder.reading.located import Key
from guidebuilder.reading.validation import describe

THEME_COLORS = ("foreground", "background", "primary", "secondary", "tertiary", "success",
                "info", "warning", "danger", "light", "dark", "link")
WHITE = "#FFFFFF"


class LightDark(Closed):
    """A colour for light and one for dark backgrounds (Quarto's project brand files)."""

    light: str | None = None
    dark: str | None = None


def _color_value(value: Any) -> Any:
    """A colour value as a string or a LightDark pair; anything else is one plain-words error
    (not one per member of the union, each naming it)."""
    if isinstance(value, str | LightDark):
        return value
    if isinstance(value, dict) and set(value) <= {"light", "dark"} and all(
            isinstance(item, str | None) for item in value.values()):
        return LightDark.model_validate(value)
    if isinstance(value, dict):
        wrong = [f"'{key}'" for key in value if key not in ("light", "dark")]
        found = ("the key " if len(wrong) == 1 else "the keys ") + ", ".join(wrong) if wrong else (
            "a value that is not text")
        raise PydanticCustomError("colour_pair", "a light/dark colour pair takes only 'light:' "
                                  f"and 'dark:', each a colour, but has {found}")
    raise PydanticCustomError("colour_value", "expected a colour (#RRGGBB, a CSS colour name or "
                              f"a palette name) or 'light:' and 'dark:' colours, found "
                              f"{describe(value)}")


ColorValue = Annotated[str | LightDark, BeforeValidator(_color_value)]


class BrandColor(Closed):
    palette: dict[str, ColorValue] = Field(default_factory=dict)
    foreground: ColorValue | None = None
    background: ColorValue | None = None
    primary: ColorValue | None = None
    secondary: ColorValue | None = None
    tertiary: ColorValue | None = None
    success: ColorValue | None = None
    info: ColorValue | None = None
    warning: ColorValue | None = None
    danger: ColorValue | None = None
    light: ColorValue | None = None
    dark: ColorValue | None = None
    link: ColorValue | None = None


class ColorResolver:
    """Resolves colour values of one brand file: ``#hex``, CSS names, ``rgb()``, the name of a
    theme colour or of a palette entry (theme first), or a light/dark pair."""

    def __init__(self, res: Resolution, color: BrandColor | None, scheme: str) -> None:
        self.res = res
        self.color = color
        self.scheme = scheme

    def value(self, value: ColorValue | None, path: Key, chain: tuple[Key, ...] = ()) -> str | None:
        """``value`` as ``#RRGGBB``; None (after a problem is reported) when it is not a colour.
        ``chain`` holds the theme and palette entries being resolved: a name is looked up as
        a theme colour, then as a palette entry, skipping an entry already being resolved
        (so ``warning: warning`` is the palette's ``warning``)."""
        if value is None:
            return None
        if isinstance(value, LightDark):  # a pair without this scheme's variant sets nothing
            return self.value(getattr(value, self.scheme), (*path, self.scheme), chain)
        name = value.strip()
        entries = [entry for entry in (("color", name), ("color", "palette", name))
                   if self._given(entry)]
        entry = next((e for e in entries if e not in chain), None)
        if entry is not None:
            return self.value(self._given(entry), entry, (*chain, entry))
        if not entries:
            return self._literal(name, path)
        if chain and chain[-1] == entries[-1] and _css(name):  # teal: teal is a CSS colour
            return _css(name)
        self._loop(chain, entries[-1], path)
        return None

    def theme(self, name: str) -> str | None:
        """The theme colour ``name`` (else a palette colour of that name), or None if unset.
        Palette entries are resolved only when used: a palette may hold other values."""
        entry = next((e for e in (("color", name), ("color", "palette", name)) if self._given(e)),
                     None)
        return self.value(self._given(entry), entry, (entry,)) if entry else None

    def _given(self, entry: Key) -> ColorValue | None:
        """The value a theme colour (``color.name``) or palette entry has in the file."""
        if not self.color:
            return None
        if len(entry) == 2:
            return getattr(self.color, str(entry[1])) if entry[1] in THEME_COLORS else None
        return self.color.palette.get(str(entry[2]))

    def _loop(self, chain: tuple[Key, ...], again: Key, path: Key) -> None:
        names = [str(entry[-1]) for entry in chain[chain.index(again):]]
        if len(names) == 1:
            self.res.fail(path, f"the colour '{names[0]}' is given as its own name, and it is "
                                "not a CSS colour", "give it a colour value such as #RRGGBB, "
                                f"or add '{names[0]}' with a colour to color.palette")
            return
        loop = " → ".join((*names, names[0]))
        self.res.fail(path, f"colour names refer to each other in a loop ({loop})",
                      "give one of them a colour value such as #RRGGBB")

    def _literal(self, value: str, path: Key) -> str | None:
        found = _css(value)
        if found is None:
            names = sorted({*(self.color.palette if self.color else {}),
                            *(n for n in THEME_COLORS if self.color and getattr(self.color, n))})
            self.res.fail(path, f"'{value}' is not a colour, nor a theme or palette colour name",
                          "use #RRGGBB, #RGB, a CSS colour name, rgb(r, g, b) or one of: "
                          + (", ".join(names) or "no names are defined"))
        return found


def _css(value: str) -> str | None:
    """A CSS colour (``#RGB``, ``#RRGGBB``, a name, ``rgb()``, ``hsl()``) as ``#RRGGBB``."""
    from PIL import ImageColor

    try:
        red, green, blue = ImageColor.getrgb(value)[:3]
    except ValueError:
        return None
    return to_hex(red, green, blue)


@dataclass(frozen=True)
class TextColors:
    """Text colours set outside ``color``: ``typography.*.color``, with where each was set."""

    heading: tuple[str, Key] | None = None
    link: tuple[str, Key] | None = None
    code: tuple[str, Key] | None = None


@dataclass(frozen=True)
class BrandColors:
    """The resolved colours and, for each text role, the key that set its colour (None when
    it is the built-in one)."""

    colors: Colors
    sources: dict[str, Key | None]


def resolve_colors(colors: ColorResolver, text: TextColors) -> BrandColors:
    """The brand's colours. Unset ones are derived from the brand's own: secondary is the
    primary, rules and shades are tints of it, headings take the primary, links the link
    colour (else primary); the built-in colours are used only for what nothing derives from."""
    given = {name: colors.theme(name) for name in THEME_COLORS}
    if not any(given.values()) and text == TextColors():
        return BrandColors(DEFAULT_BRAND.colors, dict.fromkeys(ROLES))

    def source(*names: str) -> Key | None:
        return next((("color", name) for name in names if given[name]), None)

    background = given["background"] or WHITE
    foreground = given["foreground"] or (DEFAULT_BRAND.colors.foreground if is_light(background)
                                         else "#F5F5F5")
    primary = (given["primary"] or given["secondary"] or given["tertiary"]
               or DEFAULT_BRAND.colors.primary)
    resolved = Colors(
        foreground=foreground, background=background, primary=primary,
        secondary=given["secondary"] or primary,
        tertiary=given["tertiary"] or mix(primary, background, 0.8),
        light=given["light"] or mix(primary, background, 0.92),
        dark=given["dark"] or mix(primary, foreground, 0.5),
        heading=text.heading[0] if text.heading else primary,
        link=text.link[0] if text.link else given["link"] or primary,
        code=text.code[0] if text.code else foreground,
    )
    accent = ("primary", "secondary", "tertiary")
    sources = {
        "text": source("foreground"),
        "heading": text.heading[1] if text.heading else source(*accent),
        "link": text.link[1] if text.link else source("link", *accent),
        "accent": source("secondary", "primary", "tertiary"),
        "code": text.code[1] if text.code else source("foreground"),
    }
    return BrandColors(resolved, sources)


ROLES = {"text": "text", "heading": "headings", "link": "links", "accent": "accents",
         "code": "code"}


def surfaces(res: Resolution, brand: BrandColors) -> Surfaces:
    """The page and slide surfaces. Slides take the brand background; pages too when it is
    light enough to print on, else they stay white with dark text. A brand colour that had to
    change to be readable is said once per background."""
    colors = brand.colors
    slide = Surface.of(colors, colors.background)
    _report(res, brand, slide, "slides")
    if is_light(colors.background):
        page = Surface.of(colors, colors.background)
    else:
        res.warn(("color", "background"), f"the background {colors.background} is too dark to "
                 "print on; the PDF's pages stay white, with text colours that read on white")
        on_white = replace(colors, foreground=DEFAULT_BRAND.colors.foreground,
                           code=DEFAULT_BRAND.colors.foreground)
        page = Surface.of(on_white, WHITE)
    return Surfaces(page, slide)


def _report(res: Resolution, brand: BrandColors, surface: Surface, where: str) -> None:
    changed: dict[str, list[str]] = {}
    for role in ROLES:
        ink = getattr(brand.colors, "foreground" if role == "text" else
                      "secondary" if role == "accent" else role)
        if brand.sources[role] is not None and getattr(surface, role) != ink:
            changed.setdefault(ink, []).append(role)
    for ink, roles in changed.items():
        names = [ROLES[role] for role in roles]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        ratio = contrast(ink, surface.background)
        res.warn(brand.sources[roles[0]] or (), f"{ink} has a contrast of {ratio_text(ratio)} on the "
                 f"{where} background {surface.background}, below WCAG AA ({AA}:1); {listed} "
                 f"use {getattr(surface, roles[0])} there instead")
