"""A role's overview slide: its responsibilities and task examples as cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pptx.enum.text import MSO_ANCHOR

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.kinds.text import pages, subtitle_of, text_slides
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Paragraph, RichText, Run
from guidebuilder.plan.document import Bullets, Definitions, Ladder
from guidebuilder.plan.layout import BULLET, slide_form
from guidebuilder.text.blocks import TextBlock, blocks_height, word_count

CARD_PAD = 6.0
CARD_GAP = 18.0


@dataclass(frozen=True)
class CardText:
    """What a card holds: its heading, its items (shown in short) and its notes (in full)."""

    heading: str
    items: list[RichText]
    notes: str


@dataclass(frozen=True)
class Card:
    """A titled box of text on a slide."""

    heading: str
    blocks: list[TextBlock]


def responsibilities_card(heading: str, definitions: Definitions) -> CardText:
    """The responsibilities' names; the notes give each with its description."""
    items = definitions.items
    return CardText(heading, [_plain(i.term) for i in items],
                    "\n\n".join(f"{i.term}: {i.body.plain}" if i.body else i.term for i in items))


def tasks_card(heading: str, bullets: Bullets) -> CardText:
    """The task examples as bullets."""
    return CardText(heading, list(bullets.items),
                    "\n".join(f"{BULLET} {t.plain}" for t in bullets.items))


def career_card(heading: str, ladder: Ladder, notes: RichText) -> CardText:
    """A career path as one line of its levels' titles, most junior first."""
    line = " → ".join(level.term for level in ladder.levels)
    full = "\n\n".join(f"{n}. {lv.term}: {lv.body.plain}" if lv.body else f"{n}. {lv.term}"
                       for n, lv in enumerate(ladder.levels, start=1))
    return CardText(heading, [_plain(line)], "\n\n".join(t for t in (full, notes.plain) if t))


def word_count_of(card: CardText) -> int:
    """The words a card shows: its heading and its items' short forms."""
    return len(card.heading.split()) + sum(len(block.plain.split()) for item in card.items
                                           for block in slide_form(item).blocks)


def overview_slides(writer: SlideWriter, title: str, summary: RichText,
                    cards: Sequence[CardText], only_together: bool = False) -> bool:
    """The cards side by side on one slide when they fit; else (unless ``only_together``) a
    slide per card. Whether slides were made."""
    d = writer.design
    subtitle = subtitle_of(summary)
    notes = "\n\n".join([summary.plain, *(f"{c.heading}:\n{c.notes}" for c in cards)]).strip()
    room = d.body_box()
    if subtitle:
        height = writer.subtitle_height(subtitle)
        room = Box(room.left, room.top + height, room.width, room.height - height)
    made = fitted_cards(d, cards, room, d.max_words - len(subtitle.split()))
    if made:
        cards_slide(writer, title, subtitle, made, notes)
        return True
    if only_together:
        return False
    if not cards:
        text_slides(writer, title, [[]], [notes], subtitle)
        return True
    for index, card in enumerate(cards):
        def make(size: float, card: CardText = card, headed: bool = index == 0) -> list[TextBlock]:
            """The card's items, under its heading where the slide's title does not name it."""
            heading = TextBlock((Run(card.heading, bold=True),), size, ink=d.surface.heading)
            return [*([heading] if headed else []), *_card_blocks(d, card.items, size)]

        text_slides(writer, title if index == 0 else f"{title}: {card.heading}",
                    pages(d, make, room if index == 0 else None),
                    [notes if index == 0 else card.notes], subtitle if index == 0 else "")
    return True


def fitted_cards(design: Design, cards: Sequence[CardText], room: Box,
                 budget: int) -> list[Card]:
    """``cards`` side by side in ``room`` at the largest body size they fit, or none when they
    do not fit one slide (or hold more than ``budget`` words)."""
    words = sum(len(card.heading.split()) for card in cards)
    for size in design.body_sizes:
        made = [Card(card.heading, _card_blocks(design, card.items, size)) for card in cards]
        if made and words + sum(word_count(c.blocks) for c in made) <= budget \
                and cards_fit(design, made, room):
            return made
    return []


def _card_blocks(design: Design, items: list[RichText], size: float) -> list[TextBlock]:
    """Each item's short form as a bullet."""
    return [replace(block, space_before=size * 0.45)
            for item in items for block in rich_blocks(slide_form(item), size, design)]


def cards_fit(design: Design, cards: Sequence[Card], room: Box) -> bool:
    """Whether every card's text fits its box in ``room``."""
    for card, box in zip(cards, _card_boxes(len(cards), room), strict=True):
        inner = design.inner_width(box) - 2 * CARD_PAD
        blocks = [_card_heading(card, design), *card.blocks]
        if blocks_height(design.measurer, blocks, inner) > design.inner_height(box) - 2 * CARD_PAD:
            return False
    return True


def cards_slide(writer: SlideWriter, title: str, subtitle: str, cards: Sequence[Card],
                notes: str) -> None:
    """Cards side by side under the title and subtitle, each a shaded box of text taking the
    room's height."""
    d = writer.design
    slide, room, _ = writer.titled("comparison", title, notes, subtitle)
    for card, box in zip(cards, _card_boxes(len(cards), room), strict=True):
        slide.rectangle(box.emu(), d.surface.shade, f"Card: {card.heading}"[:120],
                        [_card_heading(card, d), *card.blocks], d.surface.text,
                        anchor=MSO_ANCHOR.TOP, pad=CARD_PAD, rounding=0.04)


def _card_boxes(count: int, room: Box) -> list[Box]:
    width = (room.width - CARD_GAP * (count - 1)) / count
    return [Box(room.left + index * (width + CARD_GAP), room.top, width, room.height)
            for index in range(count)]


def _card_heading(card: Card, design: Design) -> TextBlock:
    size = card.blocks[0].size if card.blocks else 20.0
    return TextBlock((Run(card.heading, bold=True),), size, ink=design.surface.heading)


def _plain(text: str) -> RichText:
    """Plain text (a title) as a one-paragraph RichText that slides show whole."""
    whole = RichText(text, (Paragraph((Run(text),)),))
    return RichText(text, whole.blocks, whole)
