"""The title slide: title on a band of the primary colour, credits, date and logo."""

from __future__ import annotations

from collections.abc import Sequence

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box, emu
from guidebuilder.deck.slides import SlideWriter, place_text, write_title
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import DocumentInfo
from guidebuilder.text.blocks import TextBlock, fitted_text


def title_slide(writer: SlideWriter, meta: DocumentInfo) -> None:
    """The first slide; the notes repeat what it says."""
    d = writer.design
    slide, found = writer.new("title", "title", "subtitle")
    band = slide.rectangle((0, 0, writer.prs.slide_width or 0, emu(d.height * 0.5)),
                           d.brand.colors.primary, "Title band", decorative=True)
    slide.to_back(band)
    ink = d.accent_ink
    write_title(slide, found.get("title"), meta.title,
                Box(d.margin, d.height * 0.12, d.width - 2 * d.margin, d.height * 0.3), ink, 40)
    if meta.subtitle:
        box = Box(d.margin, d.height * 0.42, d.width - 2 * d.margin, 40)
        shown, size = fitted_text(meta.subtitle, d.inner_width(box), d.inner_height(box),
                                  d.measurer, 22, 14)
        place_text(slide, found.get("subtitle"), box, [TextBlock((Run(shown),), size)], ink,
                   "Subtitle")
    box = Box(d.margin, d.height * 0.56, d.width * 0.62, d.height * 0.36)
    blocks = _credits(d, box, [d.brand.meta.name, meta.credits, meta.date_line])
    if blocks:
        slide.textbox(box, blocks, d.surface.text, "Credits")
    logo = d.logo(large=True)
    if logo:
        slide.picture(logo.raster, logo.alt, Box(d.width * 0.7, d.height * 0.6,
                                                 d.width * 0.3 - d.margin, d.height * 0.25),
                      plate=d.plate(logo))
    writer.notes.add(slide.slide, "\n\n".join(
        p for p in (meta.title, meta.subtitle, meta.credits, meta.date_line) if p))


def _credits(d: Design, box: Box, lines: Sequence[str]) -> list[TextBlock]:
    """``lines`` (the organisation, in bold, then credits and date) one line each, fitted to
    ``box``: the longest gets the room the others leave."""
    texts = [text for text in lines if text]
    bold = [bool(lines[0]) and index == 0 for index in range(len(texts))]
    sizes = [16.0 if b else 14.0 for b in bold]
    longest = max(range(len(texts)), key=lambda i: len(texts[i]), default=0)
    gaps = 6.0 * (len(texts) - 1)
    heights = [d.measurer.line_height((Run(text, bold=b),), size)
               for text, b, size in zip(texts, bold, sizes, strict=True)]
    room = d.inner_height(box) - gaps - sum(heights[i] for i in range(len(texts)) if i != longest)
    blocks = []
    for index, text in enumerate(texts):
        height = room if index == longest else heights[index]
        shown, size = fitted_text(text, d.inner_width(box), height, d.measurer, sizes[index],
                                  14.0, bold=bold[index])
        blocks.append(TextBlock((Run(shown, bold=bold[index]),), size, space_before=6))
    return blocks
