"""The resolved brand both renderers style themselves with, and the built-in default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidebuilder.brand.colormath import readable_on

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
    """An image file both outputs can embed, with its alternative text."""

    path: Path
    alt: str


@dataclass(frozen=True)
class Colors:
    """Colours as ``#RRGGBB``."""

    foreground: str = "#1F2933"
    background: str = "#FFFFFF"
    primary: str = "#1F4E79"
    secondary: str = "#2E86AB"
    tertiary: str = "#E8EEF4"
    light: str = "#F4F6F8"
    dark: str = "#102A43"
    muted: str = "#5F6B7A"


def _liberation(name: str) -> dict[str, Path]:
    return {style: FONT_DIR / f"Liberation{name}-{suffix}.ttf"
            for style, suffix in (("regular", "Regular"), ("bold", "Bold"),
                                  ("italic", "Italic"), ("bolditalic", "BoldItalic"))
            if (FONT_DIR / f"Liberation{name}-{suffix}.ttf").exists()}


@dataclass(frozen=True)
class Brand:
    """Everything that styles the outputs. Sizes are in points."""

    name: str = "guidebuilder"
    colors: Colors = field(default_factory=Colors)
    heading_color: str = Colors.primary  # typography.headings.color, else the primary colour
    base: Font = field(default_factory=lambda: Font("Arial", _liberation("Sans")))
    headings: Font = field(default_factory=lambda: Font("Arial", _liberation("Sans")))
    mono: Font = field(default_factory=lambda: Font("Courier New", _liberation("Mono")))
    base_size: float = 10.5
    line_height: float = 1.4
    logo_small: Picture | None = None
    logo_large: Picture | None = None
    page_size: str = "A4"
    slide_size: str | None = None  # "16:9" or "4:3"; None: the template's size, else 16:9
    footer: str = ""
    pptx_template: Path | None = None

    def ink_on(self, fill: str) -> str:
        """The brand's background or foreground colour, whichever reads better on ``fill``."""
        return readable_on(fill, self.colors.background, self.colors.foreground)


DEFAULT_BRAND = Brand()
