"""The presentation a deck starts from: template, slide size, background, layouts by role."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout
from pptx.util import Emu

from guidebuilder.brand.model import Brand
from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box, emu, points
from guidebuilder.deck.ooxml import stretch_horizontally, with_link_colors
from guidebuilder.deck.pptx_internals import (
    drop_slides,
    master_and_layout_elements,
    replace_blob,
    theme_parts,
)
from guidebuilder.errors import Problem
from guidebuilder.text.direction import is_rtl_language, locale
from guidebuilder.text.measure import Measurer

SLIDE_SIZES = {"16:9": (960.0, 540.0), "4:3": (720.0, 540.0)}
LAYOUT_NAMES = {
    "title": ("Title Slide",),
    "section": ("Section Header",),
    "content": ("Title and Content",),
    "comparison": ("Comparison", "Title Only"),
}


def open_presentation(brand: Brand) -> PresentationType:
    """A presentation from the brand's template (or python-pptx's default), at the brand's
    slide size; a template keeps its own size unless the brand names one."""
    template = brand.defaults.pptx_template
    prs = Presentation(str(template)) if template else Presentation()
    drop_slides(prs)  # a template's own sample slides
    for theme in theme_parts(prs):  # PowerPoint draws links in the theme's colour
        replace_blob(theme, with_link_colors(theme.blob, brand.surfaces.slide.link))
    if not template or brand.surfaces.slide.background != "#FFFFFF":
        for master in prs.slide_masters:  # a template keeps its own, unless the brand has one
            master.background.fill.solid()
            master.background.fill.fore_color.rgb = RGBColor.from_string(  # type: ignore[no-untyped-call]
                brand.surfaces.slide.background.lstrip("#"))
    if template and brand.defaults.slide_size is None:
        return prs
    width, height = SLIDE_SIZES[brand.defaults.slide_size or "16:9"]
    old_width = prs.slide_width
    prs.slide_width, prs.slide_height = Emu(emu(width)), Emu(emu(height))
    if old_width != prs.slide_width:  # the masters' and layouts' shapes follow the new width
        stretch_horizontally(master_and_layout_elements(prs), prs.slide_width / old_width)
    return prs


def design_for(brand: Brand, prs: PresentationType, warnings: list[Problem],
               language: str = "en") -> Design:
    """The design for ``brand`` on ``prs``: its size, and a template's title and body areas
    (an area too small to hold text, or off the slide, is not used: a warning says so)."""
    width, height = points(prs.slide_width or 0), points(prs.slide_height or 0)
    title_area = body_area = None
    template = brand.defaults.pptx_template
    if template:
        layout = next((lo for lo in prs.slide_layouts
                       if lo.name.strip().lower() == LAYOUT_NAMES["content"][0].lower()), None)
        for shape in layout.iter_cloneable_placeholders() if layout is not None else ():
            kind = shape.placeholder_format.type
            box = Box(*(points(v) for v in (shape.left, shape.top, shape.width, shape.height)))
            if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                title_area = _usable(box, width, height, (0.3, 0.05), "title", template, warnings)
            elif kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT) and body_area is None:
                body_area = _usable(box, width, height, (0.4, 0.3), "body", template, warnings)
    type_ = brand.typography
    fallbacks = type_.fallbacks or ()
    return Design(brand, width, height, Measurer(type_.base, type_.mono, fallbacks),
                  Measurer(type_.headings, type_.mono, fallbacks), language=locale(language),
                  rtl=is_rtl_language(language), title_area=title_area, body_area=body_area)


def _usable(box: Box, width: float, height: float, least: tuple[float, float], what: str,
            template: Path, warnings: list[Problem]) -> Box | None:
    """``box`` when it lies on the slide and takes at least ``least`` of its width and height."""
    inside = (box.left >= 0 and box.top >= 0 and box.left + box.width <= width * 1.001
              and box.top + box.height <= height * 1.001)
    if inside and box.width >= width * least[0] and box.height >= height * least[1]:
        return box
    warnings.append(Problem(template, f"the {what} placeholder of the template's 'Title and "
                            f"Content' layout is {box.width:.0f} x {box.height:.0f} pt at "
                            f"({box.left:.0f}, {box.top:.0f}) on a {width:.0f} x {height:.0f} pt "
                            f"slide, too small or off the slide; the built-in {what} area is "
                            "used", hint="resize the placeholder in the template's slide master"))
    return None


def find_layout(prs: PresentationType, role: str, template: Path | None,
                warnings: list[Problem]) -> SlideLayout:
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
