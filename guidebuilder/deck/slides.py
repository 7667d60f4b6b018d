"""The slide writer: new slides on the template's layouts, their title, subtitle, furniture
(footer, number, logo) and notes; the title, divider, text, cards and closing slides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from guidebuilder.brand.colormath import mix
from guidebuilder.deck.design import Box, Design, find_layout
from guidebuilder.deck.notes import NotesWriter
from guidebuilder.deck.pptx_internals import SlideAdder, freeze
from guidebuilder.deck.shapes import SlideShapes
from guidebuilder.deck.text import fitted_title, prepare_frame, write_blocks
from guidebuilder.errors import Problem
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock, blocks_height, fitted_text
from guidebuilder.text.measure import line_height

SUBTITLE_SIZES = (20.0, 18.0)
SUBTITLE_LINES = 3


@dataclass(frozen=True)
class Card:
    """A titled box of text on a slide (a role's responsibilities, its task examples)."""

    heading: str
    blocks: list[TextBlock]


class SlideWriter:
    """Adds slides to a presentation in the brand's design; collects template warnings."""

    def __init__(self, prs: Any, design: Design, footer: str) -> None:
        self.prs = prs
        self.design = design
        self.footer = footer
        self.warnings: list[Problem] = []
        self.count = 0
        self.notes = NotesWriter(design.language)
        self._slides = SlideAdder(prs)
        self._current: Any = None
        self._layouts: dict[str, tuple[Any, list[tuple[str | None, Any]]]] = {}

    # -- slides and their parts -------------------------------------------------------------
    def _new(self, role: str, *wanted: str) -> tuple[SlideShapes, dict[str, Any]]:
        """A new slide on the layout for ``role`` with only the layout's placeholders of the
        ``wanted`` kinds (title, body, subtitle), found by type."""
        self.finish()
        if role not in self._layouts:  # looked up once per deck: each lookup walks the XML
            layout = find_layout(self.prs, role, self.design.brand.defaults.pptx_template, self.warnings)
            self._layouts[role] = (layout, [(_placeholder_kind(placeholder), placeholder) for
                                            placeholder in layout.iter_cloneable_placeholders()])
        layout, placeholders = self._layouts[role]
        slide = self._slides.add(layout)
        found: dict[str, Any] = {}
        for kind, placeholder in placeholders:
            if kind in wanted and kind not in found:
                slide.shapes.clone_placeholder(placeholder)
                found[kind] = slide.shapes[-1]
        self.count += 1
        self._current = slide.part
        return SlideShapes(slide, self.design), found

    def finish(self) -> None:
        """Freeze the slide just written and its notes (see pptx_internals.freeze)."""
        if self._current is not None:
            freeze(self._current.part_related_by(RT.NOTES_SLIDE))
            freeze(self._current)
            self._current = None

    def titled(self, role: str, title: str, notes: str, subtitle: str = "",
               body: bool = False) -> tuple[SlideShapes, Box, Any]:
        """A content slide with its title, subtitle, furniture and notes; returns the slide, the
        room left for its content, and the layout's body placeholder (when ``body``)."""
        d = self.design
        slide, found = self._new(role, "title", *(("body",) if body else ()))
        _title(slide, found.get("title"), title, d.title_box(), d.surface.heading)
        room = d.body_box()
        if subtitle:
            room = self._subtitle(slide, subtitle, room)
        self._furniture(slide)
        self.notes.add(slide.slide, notes)
        return slide, room, found.get("body")

    def subtitle_height(self, text: str) -> float:
        """The height a subtitle takes above the content (with the gap below it)."""
        return self._fitted_subtitle(text)[2]

    def _fitted_subtitle(self, text: str) -> tuple[str, float, float]:
        """The subtitle as shown (at most three lines across the body), its size and the
        height it takes, gap included."""
        d = self.design
        width = d.inner_width(d.body_box())
        shown, size = fitted_text(text, width, SUBTITLE_LINES * line_height(SUBTITLE_SIZES[-1]),
                                  d.measurer, SUBTITLE_SIZES[0], SUBTITLE_SIZES[-1])
        lines = d.measurer.line_count((Run(shown),), width, size)
        return shown, size, lines * line_height(size) + 2 * d.inset_y + 14

    def _subtitle(self, slide: SlideShapes, text: str, room: Box) -> Box:
        d = self.design
        shown, size, height = self._fitted_subtitle(text)
        slide.textbox(Box(room.left, room.top, room.width, height - 14),
                      [TextBlock((Run(shown),), size)], d.surface.accent, "Subtitle")
        return Box(room.left, room.top + height, room.width, room.height - height)

    def _furniture(self, slide: SlideShapes) -> None:
        d = self.design
        if self.footer:
            box = d.footer_box()
            shown, _ = fitted_text(self.footer, d.inner_width(box), d.inner_height(box),
                                   d.measurer, d.footer_size, d.footer_size)
            slide.textbox(box, [TextBlock((Run(shown),), d.footer_size)], d.surface.muted,
                          "Footer", anchor=MSO_ANCHOR.BOTTOM)
        slide.number(d.number_box(), self.count, d.footer_size, d.surface.muted)
        logo = d.logo()
        if logo:
            slide.picture(logo.raster, logo.alt, d.logo_box())

    # -- slide kinds --------------------------------------------------------------------------
    def title_slide(self, title: str, subtitle: str, lines: Sequence[str], notes: str) -> None:
        """The title on a band of the primary colour; under it ``lines`` (the organisation,
        in bold, then credits and date), each fitted to its line; the large logo."""
        d = self.design
        slide, found = self._new("title", "title", "subtitle")
        band = slide.rectangle((0, 0, self.prs.slide_width, Pt(d.height * 0.5)),
                               d.brand.colors.primary, "Title band")
        slide.to_back(band)
        ink = d.accent_ink
        _title(slide, found.get("title"), title,
               Box(d.margin, d.height * 0.12, d.width - 2 * d.margin, d.height * 0.3), ink, 40)
        if subtitle:
            box = Box(d.margin, d.height * 0.42, d.width - 2 * d.margin, 40)
            shown, size = fitted_text(subtitle, d.inner_width(box), d.inner_height(box),
                                      d.measurer, 22, 14)
            _place_text(slide, found.get("subtitle"), box, [TextBlock((Run(shown),), size)], d,
                        ink, "Subtitle")
        box = Box(d.margin, d.height * 0.56, d.width * 0.62, d.height * 0.36)
        texts = [text for text in lines if text]
        bold = [bool(lines[0]) and index == 0 for index in range(len(texts))]
        sizes = [16.0 if b else 14.0 for b in bold]
        longest = max(range(len(texts)), key=lambda i: len(texts[i]), default=0)
        gaps = 6.0 * (len(texts) - 1)
        room = d.inner_height(box) - gaps - sum(line_height(sizes[i]) for i in range(len(texts))
                                                 if i != longest)
        blocks = []
        for index, text in enumerate(texts):  # one line each, the longest gets the rest
            height = room if index == longest else line_height(sizes[index])
            shown, size = fitted_text(text, d.inner_width(box), height, d.measurer, sizes[index],
                                      14.0, bold=bold[index])
            blocks.append(TextBlock((Run(shown, bold=bold[index]),), size, space_before=6))
        if blocks:
            slide.textbox(box, blocks, d.surface.text, "Credits")
        logo = d.logo(large=True)
        if logo:
            slide.picture(logo.raster, logo.alt, Box(d.width * 0.7, d.height * 0.6,
                                                     d.width * 0.3 - d.margin, d.height * 0.25))
        self.notes.add(slide.slide, notes)

    def divider(self, title: str, kicker: str, notes: str) -> None:
        d = self.design
        slide, found = self._new("section", "title", "body")
        slide.rectangle((0, 0, Pt(18), self.prs.slide_height), d.brand.colors.secondary,
                        "Accent")
        _title(slide, found.get("title"), title,
               Box(d.margin + 20, d.height * 0.36, d.width - 2 * d.margin - 20, d.height * 0.3),
               d.surface.heading, 40)
        _place_text(slide, found.get("body"),
                    Box(d.margin + 20, d.height * 0.24, d.width - 2 * d.margin - 20, 40),
                    [TextBlock((Run(kicker),), 18)], d, d.surface.accent, "Kicker")
        self._furniture(slide)
        self.notes.add(slide.slide, notes)

    def text_slide(self, title: str, blocks: Sequence[TextBlock], notes: str,
                   subtitle: str = "") -> None:
        d = self.design
        slide, room, body = self.titled("content", title, notes, subtitle, body=True)
        _place_text(slide, body, room, blocks, d, d.surface.text, "Content")

    def cards_fit(self, cards: Sequence[Card], room: Box) -> bool:
        """Whether every card's text fits its box in ``room``."""
        d = self.design
        for card, box in zip(cards, self._card_boxes(len(cards), room), strict=True):
            inner = d.inner_width(box) - 2 * CARD_PAD
            blocks = [_card_heading(card, d), *card.blocks]
            if blocks_height(d.measurer, blocks, inner) > d.inner_height(box) - 2 * CARD_PAD:
                return False
        return True

    def cards_slide(self, title: str, subtitle: str, cards: Sequence[Card], notes: str) -> None:
        """Cards side by side under the title and subtitle, each a shaded box of text."""
        d = self.design
        slide, room, _ = self.titled("comparison", title, notes, subtitle)
        boxes = self._card_boxes(len(cards), room)
        tallest = max(blocks_height(d.measurer, [_card_heading(card, d), *card.blocks],
                                    d.inner_width(box) - 2 * CARD_PAD)
                      for card, box in zip(cards, boxes, strict=True))
        height = min(room.height, tallest + 2 * (d.inset_y + CARD_PAD) + 24)
        for card, box in zip(cards, boxes, strict=True):
            box = Box(box.left, box.top, box.width, height)
            slide.rectangle(box.emu(), d.surface.shade, f"Card: {card.heading}"[:120],
                            [_card_heading(card, d), *card.blocks], d.surface.text,
                            anchor=MSO_ANCHOR.TOP, pad=CARD_PAD, rounding=0.04)

    def _card_boxes(self, count: int, room: Box) -> list[Box]:
        gap = 18.0
        width = (room.width - gap * (count - 1)) / count
        return [Box(room.left + index * (width + gap), room.top, width, room.height)
                for index in range(count)]

    def agenda_slide(self, title: str, entries: Sequence[tuple[int, str]], notes: str) -> None:
        """Numbered tiles, one per part of the deck, in one column or two."""
        d = self.design
        slide, room, _ = self.titled("content", title, notes)
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

    def closing_slide(self, title: str, blocks: Sequence[TextBlock], link: str,
                      notes: str) -> None:
        """The last slide: the closing words large, the brand's link and logo under them."""
        d = self.design
        slide, room, _ = self.titled("content", title, notes)
        logo = d.logo(large=True)
        logo_height = room.height * 0.3 if logo else 0.0
        link_height = line_height(20) + 2 * d.inset_y if link else 0.0
        text_box = Box(room.left, room.top, room.width, room.height - logo_height - link_height)
        slide.textbox(text_box, blocks, d.surface.text, "Closing", align="ctr",
                      anchor=MSO_ANCHOR.MIDDLE)
        if link:
            shown, size = fitted_text(link, d.inner_width(room), line_height(20), d.measurer,
                                      20, 14)
            slide.textbox(Box(room.left, text_box.top + text_box.height, room.width, link_height),
                          [TextBlock((Run(shown, link=link),), size)], d.surface.link, "Link",
                          align="ctr")
        if logo:
            slide.picture(logo.raster, logo.alt,
                          Box(room.left, room.top + room.height - logo_height + 6, room.width,
                              logo_height - 6), align="ctr")


CARD_PAD = 6.0


def _card_heading(card: Card, design: Design) -> TextBlock:
    size = card.blocks[0].size if card.blocks else 20.0
    return TextBlock((Run(card.heading, bold=True),), size, ink=design.surface.heading)


def _title(slide: SlideShapes, placeholder: Any, text: str, box: Box, ink: str,
           largest: float | None = None) -> None:
    """Put ``text`` in the title placeholder (a text box when the layout has none), sized to
    fit ``box``."""
    d = slide.design
    shown, size = fitted_title(text, box, d, largest or d.title_size)
    run = Run(shown, bold=d.brand.typography.heading_bold, italic=d.brand.typography.heading_italic)
    blocks = [TextBlock((run,), size)]
    if placeholder is None:
        slide.textbox(box, blocks, ink, "Title", d.brand.typography.headings.family,
                      anchor=MSO_ANCHOR.MIDDLE)
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = box.emu()
    prepare_frame(placeholder.text_frame, d, MSO_ANCHOR.MIDDLE)
    write_blocks(placeholder.text_frame, blocks, d, ink, d.brand.typography.headings.family)


def _place_text(slide: SlideShapes, placeholder: Any, box: Box, blocks: Sequence[TextBlock],
                design: Design, ink: str, name: str) -> None:
    """Write ``blocks`` into the layout's placeholder moved to ``box``, or a new text box."""
    if placeholder is None:
        slide.textbox(box, blocks, ink, name)
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = box.emu()
    prepare_frame(placeholder.text_frame, design)
    write_blocks(placeholder.text_frame, blocks, design, ink)


_KINDS = {"title": "title", "ctrTitle": "title", "body": "body", "obj": "body",
          "subTitle": "subtitle"}


def _placeholder_kind(shape: Any) -> str | None:
    """title, body or subtitle for a placeholder (by its XML type), else None."""
    ph = shape.element.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return None if ph is None else _KINDS.get(ph.get("type", "obj"))
