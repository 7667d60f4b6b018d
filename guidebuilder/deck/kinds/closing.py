"""The closing slide: the closing words large, the brand's link and logo under them."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR

from guidebuilder.deck.geometry import Box
from guidebuilder.deck.kinds.text import prose_of, prose_slides, shown_text
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import Section
from guidebuilder.text.blocks import TextBlock, blocks_height, fitted_text

SIZES = (28.0, 24.0, 20.0)


def closing_slides(writer: SlideWriter, section: Section) -> None:
    """The closing words at the largest size that leaves room for the link and logo."""
    d = writer.design
    text = prose_of(section.elements)
    room = d.body_box()
    shown = shown_text(d, text)
    link = d.brand.meta.link
    spare = room.height * (0.6 if d.logo(large=True) else 0.8) - (24 if link else 0)
    for size in SIZES:
        blocks = [TextBlock(b.runs, size, 0.0, size * 0.5) for b in
                  rich_blocks(shown, size, d, bullets=False)]
        if blocks_height(d.measurer, blocks, d.inner_width(room)) <= spare:
            closing_slide(writer, section.title, blocks, link, text.plain)
            return
    prose_slides(writer, section.title, text)


def closing_slide(writer: SlideWriter, title: str, blocks: Sequence[TextBlock], link: str,
                  notes: str) -> None:
    """The last slide: ``blocks`` centred, the link and the large logo under them."""
    d = writer.design
    slide, room, _ = writer.titled("content", title, notes)
    logo = d.logo(large=True)
    logo_height = room.height * 0.3 if logo else 0.0
    link_runs = (Run(link),)
    link_height = d.measurer.line_height(link_runs, 20) + 2 * d.inset_y if link else 0.0
    text_box = Box(room.left, room.top, room.width, room.height - logo_height - link_height)
    slide.textbox(text_box, blocks, d.surface.text, "Closing", align="ctr",
                  anchor=MSO_ANCHOR.MIDDLE)
    if link:
        shown, size = fitted_text(link, d.inner_width(room),
                                   d.measurer.line_height(link_runs, 20), d.measurer, 20, 14)
        slide.textbox(Box(room.left, text_box.top + text_box.height, room.width, link_height),
                      [TextBlock((Run(shown, link=link),), size)], d.surface.link, "Link",
                      align="ctr")
    if logo:
        slide.picture(logo.raster, logo.alt,
                      Box(room.left, room.top + room.height - logo_height + 6, room.width,
                          logo_height - 6), align="ctr", plate=d.plate(logo))
