"""The deck's design in one place: geometry, type sizes, colours, fonts and layout lookup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from guidebuilder.brand.model import Brand, Picture, Surface
from guidebuilder.deck.pptx_internals import (
    drop_slides,
    master_and_layout_elements,
    set_link_colors,
)
from guidebuilder.errors import Problem
from guidebuilder.text.measure import Measurer

SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}
LAYOUT_NAMES = {
    "title": ("Title Slide",),
    "section": ("Section Header",),
    "content": ("Title and Content",),
    "comparison": ("Comparison", "Title Only"),
}


@dataclass(frozen=True)
class Box:
    """A rectangle in points."""

    left: float
    top: float
    width: float
    height: float

    def emu(self) -> tuple[int, int, int, int]:
        return Pt(self.left), Pt(self.top), Pt(self.width), Pt(self.height)


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
    body_sizes: tuple[float, ...] = (24.0, 22.0, 20.0, 18.0)  # continued slides use 20 pt
    table_sizes: tuple[float, ...] = (18.0, 16.0, 14.0)
    max_words: int = 85  # visible on one slide, bullets counted
    footer_size: float = 10.0
    inset_x: float = 7.2
    inset_y: float = 3.6
    bullet_indent: float = 22.0
    language: str = "en"
    title_area: Box | None = None  # from a template's title-and-content layout
    body_area: Box | None = None

    @property
    def surface(self) -> Surface:
        """The slides' background and the text colours readable on it."""
        return self.brand.surfaces.slide

    @property
    def accent_ink(self) -> str:
        """Text colour that reads on the primary colour."""
        return self.brand.ink_on(self.brand.colors.primary)

    def logo(self, large: bool = False) -> Picture | None:
        """The small (or large) logo in its variant for the slide background."""
        logo = self.brand.logos.large if large else self.brand.logos.small
        return logo.on(self.surface.background) if logo else None

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


def open_presentation(brand: Brand) -> Any:
    """A presentation from the brand's template (or python-pptx's default), at the brand's
    slide size; a template keeps its own size unless the brand names one."""
    template = brand.defaults.pptx_template
    prs = Presentation(str(template)) if template else Presentation()
    drop_slides(prs)  # a template's own sample slides
    set_link_colors(prs, brand.surfaces.slide.link)
    if not template or brand.surfaces.slide.background != "#FFFFFF":
        for master in prs.slide_masters:  # a template keeps its own, unless the brand has one
            master.background.fill.solid()
            master.background.fill.fore_color.rgb = RGBColor.from_string(
                brand.surfaces.slide.background.lstrip("#"))
    if template and brand.defaults.slide_size is None:
        return prs
    width, height = SLIDE_SIZES[brand.defaults.slide_size or "16:9"]
    old_width = prs.slide_width
    prs.slide_width, prs.slide_height = Pt(width), Pt(height)
    if old_width != prs.slide_width:
        _rescale_masters(prs, prs.slide_width / old_width)
    return prs


def design_for(brand: Brand, prs: Any, language: str = "en") -> Design:
    """The design for ``brand`` on ``prs``: its size, and a template's title and body areas."""
    title_area = body_area = None
    if brand.defaults.pptx_template:
        layout = next((lo for lo in prs.slide_layouts
                       if lo.name.strip().lower() == LAYOUT_NAMES["content"][0].lower()), None)
        for shape in layout.placeholders if layout is not None else ():
            kind = shape.placeholder_format.type
            box = Box(*(Emu(v).pt for v in (shape.left, shape.top, shape.width, shape.height)))
            if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                title_area = box
            elif kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) and body_area is None:
                body_area = box
    type_ = brand.typography
    return Design(brand, Emu(prs.slide_width).pt, Emu(prs.slide_height).pt,
                  Measurer(type_.base, type_.mono), Measurer(type_.headings, type_.mono),
                  language=language, title_area=title_area, body_area=body_area)


def _rescale_masters(prs: Any, factor: float) -> None:
    """Stretch the masters' and layouts' shapes horizontally to the new slide width."""
    for element in master_and_layout_elements(prs):
        for offset in element.iter(qn("a:off")):
            offset.set("x", str(round(int(offset.get("x")) * factor)))
        for extent in element.iter(qn("a:ext")):
            if extent.get("cx") is not None:
                extent.set("cx", str(round(int(extent.get("cx")) * factor)))


def find_layout(prs: Any, role: str, template: Path | None, warnings: list[Problem]) -> Any:
    """The layout for ``role`` looked up by name, falling back to a blank-ish built-in one (and
    a warning about ``template``)."""
    layouts = {layout.name.strip().lower(): layout for layout in prs.slide_layouts}
    for name in LAYOUT_NAMES[role]:
        if name.lower() in layouts:
            return layouts[name.lower()]
    fallback = layouts.get("title only") or layouts.get("blank") or prs.slide_layouts[0]
    warning = Problem(template or "", f"the template has no '{LAYOUT_NAMES[role][0]}' layout; "
                                      f"using '{fallback.name}' for {role} slides")
    if warning not in warnings:
        warnings.append(warning)
    return fallback
