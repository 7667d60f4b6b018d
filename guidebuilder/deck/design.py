"""The deck's design: slide geometry, type sizes, colours, fonts and logos."""

from __future__ import annotations

from dataclasses import dataclass

from guidebuilder.brand.colormath import mix
from guidebuilder.brand.model import Brand, Picture, Surface
from guidebuilder.deck.geometry import Box
from guidebuilder.text.measure import Measurer

GRID_FADE = 0.7  # of the way from the text colour to the background a table's rules are


@dataclass(frozen=True)
class Design:
    """Sizes in points; colours as #RRGGBB."""

    brand: Brand
    width: float
    height: float
    measurer: Measurer
    heading_measurer: Measurer
    margin: float = 40.0
    title_size: float = 30.0
    title_min: float = 18.0
    body_sizes: tuple[float, ...] = (28.0, 26.0, 24.0, 22.0, 20.0, 18.0)  # largest that fits
    continued_size: float = 20.0  # text over several slides is cut at this size, then grown
    table_sizes: tuple[float, ...] = (24.0, 22.0, 20.0, 18.0, 16.0)  # the last splits by rows
    max_words: int = 85  # visible on one slide, bullets counted
    footer_size: float = 10.0
    inset_x: float = 7.2
    inset_y: float = 3.6
    bullet_indent: float = 22.0
    language: str = "en"  # of the runs: a locale for a right-to-left language (he-IL)
    rtl: bool = False  # the guide is written right to left: paragraphs and tables mirrored
    title_area: Box | None = None  # from a template's title-and-content layout
    body_area: Box | None = None

    @property
    def surface(self) -> Surface:
        """The slides' background and the text colours readable on it."""
        return self.brand.surfaces.slide

    @property
    def grid(self) -> str:
        """The rules between table cells: the text colour faded far towards the background,
        so they show on a light slide and a dark one alike without competing with the text."""
        return mix(self.surface.text, self.surface.background, GRID_FADE)

    @property
    def accent_ink(self) -> str:
        """Text colour that reads on the primary colour."""
        return self.brand.ink_on(self.brand.colors.primary)

    def logo(self, large: bool = False) -> Picture | None:
        """The small (or large) logo in its variant for the slide background."""
        logo = self.brand.logos.large if large else self.brand.logos.small
        return logo.on(self.surface.background) if logo else None

    def plate(self, logo: Picture) -> str | None:
        """The colour of the plate ``logo`` needs on the slides, if it does not show there."""
        from guidebuilder.brand.plates import plate_for

        return plate_for(logo, self.surface.background, self.brand.colors)

    def faces(self, text: str, family: str | None, bold: bool) -> list[tuple[str, str]]:
        """``text`` as (typeface, piece) runs: ``family`` (the body font's when None) where it
        has the characters, a fallback font where only that has them, so that the deck names
        the font that draws each piece (as the handbook sets them, and as it is measured)."""
        typography = self.brand.typography
        name = family or typography.base.family
        if not typography.fallbacks:
            return [(name, text)]
        from guidebuilder.brand.glyphs import charset, font_pieces

        font = next((f for f in typography.fonts() if f.family == name), typography.base)
        drawn = [fallback.codes for fallback in typography.fallbacks]
        return [(name if index is None else typography.fallbacks[index].font.family, piece)
                for index, piece in font_pieces(text, charset(font.file(bold)), drawn)]

    @property
    def logo_width(self) -> float:
        return 90.0 if self.logo() else 0.0

    def title_box(self) -> Box:
        logo = self.logo_width + 12 if self.logo_width else 0.0
        if self.title_area:
            area = self.title_area
            return Box(area.left, area.top, min(area.width, self.width - self.margin - logo
                                                - area.left), area.height)
        return Box(self.margin, 20, self.width - 2 * self.margin - logo, 70)

    def body_box(self) -> Box:
        bottom = self.height - 42
        if self.body_area:
            area = self.body_area
            return Box(area.left, area.top, area.width, min(area.height, bottom - area.top))
        top = 102.0
        return Box(self.margin, top, self.width - 2 * self.margin, bottom - top)

    def footer_box(self) -> Box:
        return Box(self.margin, self.height - 32, self.width - 2 * self.margin - 70, 22)

    def number_box(self) -> Box:
        return Box(self.width - self.margin - 60, self.height - 32, 60, 22)

    def logo_box(self) -> Box:
        return Box(self.width - self.margin - self.logo_width, 26, self.logo_width, 40)

    def inner_width(self, box: Box) -> float:
        """Width available to text inside ``box`` after the insets, with a safety margin."""
        return (box.width - 2 * self.inset_x) * 0.97

    def inner_height(self, box: Box) -> float:
        return box.height - 2 * self.inset_y - 2.0
