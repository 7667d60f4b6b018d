"""The agenda slides: the deck's parts as numbered tiles, twelve to a slide."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR

from guidebuilder.brand.colormath import mix
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock, fitted_text

TILES = 12  # on one slide


def agenda_slides(writer: SlideWriter, titles: Sequence[str]) -> None:
    """The numbered ``titles`` (of the plan's sections), a slide per twelve."""
    entries = list(enumerate(titles, start=1))
    for start in range(0, len(entries), TILES):
        chunk = entries[start:start + TILES]
        agenda_slide(writer, writer.continued(writer.labels.agenda, start), chunk,
                     "\n".join(f"{n}. {t}" for n, t in chunk))


def agenda_slide(writer: SlideWriter, title: str, entries: Sequence[tuple[int, str]],
                 notes: str) -> None:
    """Numbered tiles, one per entry, in one column or two."""
    d = writer.design
    slide, room, _ = writer.titled("content", title, notes)
    columns = 1 if len(entries) <= 5 else 2
    rows = -(-len(entries) // columns)
    gap, column_gap = 10.0, 18.0
    height = min(58.0, (room.height - gap * (rows - 1)) / rows)
    width = (room.width - column_gap * (columns - 1)) / columns
    tile_fill = mix(d.brand.colors.primary, d.surface.background, 0.78)
    for index, (number, entry) in enumerate(entries):
        column, row = divmod(index, rows)
        box = Box(room.left + column * (width + column_gap), room.top + row * (height + gap),
                  width, height)
        slide.rectangle(box.emu(), tile_fill, f"Agenda {number}")
        slide.rectangle(Box(box.left, box.top, height, height).emu(), d.brand.colors.primary,
                        f"Agenda {number} number",
                        [TextBlock((Run(f"{number:02d}", bold=True),), 20)], d.accent_ink,
                        align="ctr")
        text = Box(box.left + height + 6, box.top, box.width - height - 6, height)
        shown, size = fitted_text(entry, d.inner_width(text), d.inner_height(text),
                                  d.measurer, 20, 14)
        slide.textbox(text, [TextBlock((Run(shown),), size)], d.brand.ink_on(tile_fill),
                      f"Agenda {number} title", anchor=MSO_ANCHOR.MIDDLE)
