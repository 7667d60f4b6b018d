"""The resolved brand both renderers style themselves with, and the built-in default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidebuilder.brand.colormath import AA, contrast, is_light, legible, mix, readable_on

FONT_DIR = Path(__file__).parent.parent / "fonts"
STYLES = ("regular", "bold", "italic", "bolditalic")


@dataclass(frozen=True)
class Font:
    """A font family: the name a deck asks for and the files that embed and measure it."""

    family: str
    files: dict[str, Path]  # keys from STYLES; missing styles fall back to regular / bold

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        """The file for a style, falling back to the nearest one the family has."""
        wanted = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
        for style in (wanted, "bold" if bold else "regular", "regular"):
            if style in self.files:
                return self.files[style]
        return next(iter(self.files.values()))


@dataclass(frozen=True)
class Picture:
    """A logo image with its alternative text: ``path`` the image to draw (an SVG, drawn as
    vectors in the PDF, is a checked copy that reads no other file), ``raster`` a PNG, JPEG or
    GIF every output can embed, ``source`` the file the brand names (``path`` when None)."""

    path: Path
    alt: str
    raster: Path
    source: Path | None = None


@dataclass(frozen=True)
class Logo:
    """One logo size in its variants for light and dark backgrounds (either may be missing)."""

    light: Picture | None
    dark: Picture | None

    def on(self, background: str) -> Picture | None:
        """The variant made for ``background``, else the other one."""
        first, second = (self.light, self.dark) if is_light(background) else (self.dark, self.light)
        return first or second


@dataclass(frozen=True)
class Colors:
    """The brand's colours as ``#RRGGBB``: ``primary`` fills (cover band, table headers,
    ladder), ``heading`` and ``link`` colour text, ``tertiary`` and ``light`` rule and shade."""

    foreground: str = "#1F2933"
    background: str = "#FFFFFF"
    primary: str = "#1F4E79"
    secondary: str = "#2C7FA2"
    tertiary: str = "#E8EEF4"
    light: str = "#F4F6F8"
    dark: str = "#102A43"
    heading: str = "#1F4E79"
    link: str = "#2C7FA2"
    code: str = "#1F2933"


@dataclass(frozen=True)
class Surface:
    """The colours of text on one background (the PDF's pages or the slides), each readable
    on it (WCAG AA)."""

    background: str
    text: str
    heading: str
    accent: str  # secondary as text: subtitles, kickers
    link: str
    muted: str  # footers, credits
    code: str
    shade: str  # alternate table rows

    @classmethod
    def of(cls, colors: Colors, background: str) -> Surface:
        text = legible(colors.foreground, background)
        heading = legible(colors.heading, background)
        link = legible(colors.link, background)
        shade = (colors.light if is_light(colors.light) == is_light(background)
                 else mix(colors.primary, background, 0.92))
        return cls(background, text, heading, legible(colors.secondary, background), link,
                   legible(mix(text, background, 0.3), background),
                   legible(colors.code, background), _shade_under(shade, background,
                                                                  (text, heading, link)))


def _shade_under(shade: str, background: str, inks: tuple[str, ...]) -> str:
    """``shade`` (alternate table rows) moved towards ``background`` until every ink on it
    keeps WCAG AA contrast; the inks already read on ``background`` itself."""
    for step in range(21):
        candidate = mix(shade, background, step / 20)
        if all(contrast(ink, candidate) >= AA for ink in inks):
            return candidate
    return background


def _liberation(name: str) -> dict[str, Path]:
    return {style: FONT_DIR / f"Liberation{name}-{suffix}.ttf"
            for style, suffix in (("regular", "Regular"), ("bold", "Bold"),
                                  ("italic", "Italic"), ("bolditalic", "BoldItalic"))
            if (FONT_DIR / f"Liberation{name}-{suffix}.ttf").exists()}


@dataclass(frozen=True)
class Meta:
    """The organisation (``meta``): its name, printed on covers and footers when given, and
    its home page."""

    name: str = ""
    link: str = ""


@dataclass(frozen=True)
class Surfaces:
    """The text colours on the handbook's pages and on the slides."""

    page: Surface = field(default_factory=lambda: Surface.of(Colors(), "#FFFFFF"))
    slide: Surface = field(default_factory=lambda: Surface.of(Colors(), "#FFFFFF"))


@dataclass(frozen=True)
class Fallback:
    """An installed font for characters of one script the brand's fonts cannot draw: the PDF
    sets those characters in it; a deck names it as the East Asian (``ea``) or complex-script
    (``cs``) font of its runs (``latin``: scripts a deck sets in the run's Latin font)."""

    font: Font
    script: str  # as Unicode names it: HANGUL, CJK, HEBREW, GREEK, …
    slot: str  # "ea", "cs" or "latin"
    codes: frozenset[int]  # the guide's characters it draws


@dataclass(frozen=True)
class Typography:
    """Fonts and type settings (``typography``); sizes in points."""

    base: Font = field(default_factory=lambda: Font("Arial", _liberation("Sans")))
    headings: Font = field(default_factory=lambda: Font("Arial", _liberation("Sans")))
    mono: Font = field(default_factory=lambda: Font("Courier New", _liberation("Mono")))
    base_size: float = 10.5
    line_height: float = 1.4
    base_bold: bool = False
    heading_bold: bool = True
    heading_italic: bool = False
    heading_line_height: float = 1.2
    code_scale: float = 1.0  # monospace size relative to the text around it
    declared: tuple[str, ...] = ()  # every family the brand names, in order: fallbacks first
    spare: tuple[Font, ...] = ()  # its font files (source: file) that set no text
    fallbacks: tuple[Fallback, ...] | None = None  # for a guide's text (None: not sought)

    def fallback_family(self, slot: str) -> str | None:
        """The family a deck names for ``slot`` ("ea" or "cs"), when a fallback fills it."""
        return next((f.font.family for f in self.fallbacks or () if f.slot == slot), None)

    def fonts(self) -> tuple[Font, Font, Font]:
        return self.base, self.headings, self.mono


@dataclass(frozen=True)
class Logos:
    """The logo for small places (running header, slide corner) and for large ones (cover,
    title slide)."""

    small: Logo | None = None
    large: Logo | None = None


@dataclass(frozen=True)
class Defaults:
    """guidebuilder's own settings (``defaults.guidebuilder``)."""

    page_size: str = "A4"
    slide_size: str | None = None  # "16:9" or "4:3"; None: the template's size, else 16:9
    footer: dict[str, str] = field(default_factory=dict)  # by lower-case language tag; "" any
    pptx_template: Path | None = None


@dataclass(frozen=True)
class Brand:
    """Everything that styles the outputs, one part per key of a brand.yml file."""

    meta: Meta = field(default_factory=Meta)
    colors: Colors = field(default_factory=Colors)
    surfaces: Surfaces = field(default_factory=Surfaces)
    typography: Typography = field(default_factory=Typography)
    logos: Logos = field(default_factory=Logos)
    defaults: Defaults = field(default_factory=Defaults)

    def footer_for(self, language: str) -> str:
        """The running footer for a guide in ``language``: the brand's own in that language
        (``de-AT`` falls back to ``de``, then to another region of ``de``), else its first
        one, else the organisation's name (may be empty)."""
        footers = self.defaults.footer
        tag = language.strip().lower()
        primary = tag.split("-", 1)[0]
        for key in (tag, primary, *(k for k in footers if k.split("-", 1)[0] == primary)):
            if footers.get(key):
                return footers[key]
        return next(iter(footers.values()), "") or self.meta.name

    def files(self) -> list[Path]:
        """The files the brand reads: fonts, logos (and their renderings), the template."""
        fonts = (*self.typography.fonts(), *(f.font for f in self.typography.fallbacks or ()))
        files = [path for font in fonts for path in font.files.values()]
        for logo in (self.logos.small, self.logos.large):
            for picture in (logo.light, logo.dark) if logo else ():
                files += ([picture.source or picture.path, picture.path, picture.raster]
                          if picture else [])
        template = self.defaults.pptx_template
        return files + ([template] if template else [])

    def ink_on(self, fill: str) -> str:
        """The brand's background or foreground colour, whichever reads better on ``fill``
        (white or black when neither reads well enough)."""
        ink = readable_on(fill, self.colors.background, self.colors.foreground)
        return ink if contrast(ink, fill) >= AA else readable_on(fill)


DEFAULT_BRAND = Brand()
