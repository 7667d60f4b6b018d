"""The agenda slides: the deck's parts as numbered tiles, twelve to a slide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.text import MSO_ANCHOR

from guidebuilder.brand.colormath import mix
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.labels import list_separator
from guidebuilder.text.blocks import TextBlock, fitted_text

TILES = 12  # on one slide
FILL = 0.7  # of the body's height the tiles take at least


@dataclass(frozen=True)
class AgendaEntry:
    """A numbered part of the deck; the roles part names its ``roles``."""

    number: int
    title: str
    roles: tuple[str, ...] = ()

    def line(self, separator: str) -> str:
        """The title, and the roles it names, listed with the language's ``separator``."""
        return self.title + (f": {separator.join(self.roles)}" if self.roles else "")


def agenda_slides(writer: SlideWriter, entries: Sequence[AgendaEntry]) -> None:
    """The numbered entries (the plan's sections), a slide per twelve."""
    separator = list_separator(writer.design.language)
    for start in range(0, len(entries), TILES):
        chunk = entries[start:start + TILES]
        agenda_slide(writer, writer.continued(writer.labels.agenda, start // TILES,
                                             -(-len(entries) // TILES)), chunk,
                     "\n".join(f"{entry.number}. {entry.line(separator)}" for entry in chunk))


def agenda_slide(writer: SlideWriter, title: str, entries: Sequence[AgendaEntry],
                 notes: str) -> None:
    """Numbered tiles, one per entry, in one column or two, together taking most of the
    body's height."""
    d = writer.design
    slide, room, _ = writer.titled("content", title, notes)
    columns = 1 if len(entries) <= 5 else 2
    rows = -(-len(entries) // columns)
    gap, column_gap = 10.0, 18.0
    height = min(max(58.0, (room.height * FILL - gap * (rows - 1)) / rows),
                 (room.height - gap * (rows - 1)) / rows, 84.0)
    width = (room.width - column_gap * (columns - 1)) / columns
    tile_fill = mix(d.brand.colors.primary, d.surface.background, 0.78)
    size = 24.0 if height >= 70 else 20.0
    for index, agenda in enumerate(entries):
        number = agenda.number
        entry = agenda.line(list_separator(d.language))
        column, row = divmod(index, rows)
        box = Box(room.left + column * (width + column_gap), room.top + row * (height + gap),
                  width, height)
        slide.rectangle(box.emu(), tile_fill, f"Agenda {number}")
        slide.rectangle(Box(box.left, box.top, height, height).emu(), d.brand.colors.primary,
                        f"Agenda {number} number",
                        [TextBlock((Run(f"{number:02d}", bold=True),), size)], d.accent_ink,
                        align="ctr")
        text = Box(box.left + height + 6, box.top, box.width - height - 6, height)
        shown, fitted = fitted_text(entry, d.inner_width(text), d.inner_height(text),
                                    d.measurer, size, 16)
        slide.textbox(text, [TextBlock((Run(shown),), fitted)], d.brand.ink_on(tile_fill),
                      f"Agenda {number} title", anchor=MSO_ANCHOR.MIDDLE)
