"""The divider slide that opens the roles part of a deck with many roles."""

from __future__ import annotations

from collections.abc import Sequence

from guidebuilder.deck.geometry import Box, emu
from guidebuilder.deck.slides import SlideWriter, place_text, write_title
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock

ROLES = 3  # from this many roles on, the roles part opens with a divider


def wants_divider(roles: Sequence[str]) -> bool:
    """Whether a deck of ``roles`` opens its roles part with a divider."""
    return len(roles) >= ROLES


def divider_slide(writer: SlideWriter, number: int, roles: Sequence[str]) -> None:
    """The divider of part ``number`` (the roles), naming ``roles`` in the notes."""
    d = writer.design
    slide, found = writer.new("section", "title", "body")
    slide.rectangle((0, 0, emu(18), writer.prs.slide_height or 0), d.brand.colors.secondary,
                    "Accent", decorative=True)
    write_title(slide, found.get("title"), writer.labels.roles,
                Box(d.margin + 20, d.height * 0.36, d.width - 2 * d.margin - 20, d.height * 0.3),
                d.surface.heading, 40)
    place_text(slide, found.get("body"),
               Box(d.margin + 20, d.height * 0.24, d.width - 2 * d.margin - 20, 40),
               [TextBlock((Run(f"{number:02d}"),), 18)], d.surface.accent, "Kicker")
    writer.furniture(slide)
    writer.notes.add(slide.slide, "\n".join(roles))
