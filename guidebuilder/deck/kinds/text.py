"""Text slides (running text, continued when it must) and the fit test other kinds share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, assert_never

from guidebuilder.brand.colormath import mix
from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.slides import SlideWriter, place_text
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import RichText
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    Element,
    Ladder,
    Prose,
    Questions,
    Section,
    Table,
)
from guidebuilder.plan.layout import slide_form
from guidebuilder.text.blocks import (
    TextBlock,
    blocks_height,
    paginate,
    paginate_whole,
    scaled,
    spread_pages,
    word_count,
)

Make = Callable[[float], list[TextBlock]]
STATEMENT_WORDS = 25  # running text shorter than this stands as a statement on a panel
STATEMENT_PAD = 28.0
_Kind = TypeVar("_Kind", Prose, Definitions, Bullets, Table, Ladder, Questions)


def fits(design: Design, blocks: Sequence[TextBlock], room: Box | None = None,
         max_words: int | None = None) -> bool:
    """Whether ``blocks`` fit one slide's ``room`` (the body) with at most ``max_words``
    (a slide's worth)."""
    room = room or design.body_box()
    return (word_count(blocks) <= (max_words or design.max_words)
            and blocks_height(design.measurer, blocks, design.inner_width(room))
            <= design.inner_height(room))


def pages(design: Design, make: Make, room: Box | None = None) -> list[list[TextBlock]]:
    """Blocks made by ``make(size)`` on as few slides as they need: one slide at the largest
    size that fits ``room`` with at most a slide's worth of words, else slides evenly filled
    at the continued size, whole paragraphs and bullets to a slide unless cutting them saves
    a slide, each then set as large as it fits."""
    room = room or design.body_box()
    for size in design.body_sizes:
        blocks = make(size)
        if fits(design, blocks, room):
            return [blocks]
    blocks = make(design.continued_size)
    width, height = design.inner_width(room), design.inner_height(room)
    spread = spread_pages(lambda share: paginate(design.measurer, blocks, width, height * share,
                                                 int(design.max_words * share)))
    whole = spread_pages(lambda share: paginate_whole(
        design.measurer, blocks, width, height * share, int(design.max_words * share))
        or [blocks] * (len(blocks) + 1))  # a share at which a block does not fit: too small
    if len(whole) <= len(spread):  # whole items (a paragraph, a bullet) on as few slides
        spread = whole
    return alike([grown(design, page, room) for page in spread])


def alike(pages: list[list[TextBlock]]) -> list[list[TextBlock]]:
    """The slides of one run set at one size, the smallest any of them needs (each grown on
    its own jumped from 22 to 26 points and back, slide to slide)."""
    sizes = [page[0].size for page in pages if page]
    if not sizes:
        return pages
    return [scaled(page, min(sizes)) if page and page[0].size != min(sizes) else page
            for page in pages]


def grown(design: Design, blocks: list[TextBlock], room: Box | None = None,
          max_words: int | None = None) -> list[TextBlock]:
    """``blocks`` set at the largest body size (not below their own) at which they fit."""
    for size in design.body_sizes:
        if blocks and size > blocks[0].size and fits(design, scaled(blocks, size), room,
                                                    max_words):
            return scaled(blocks, size)
    return blocks


def text_slides(writer: SlideWriter, title: str, shown: list[list[TextBlock]],
                notes: Sequence[str], subtitle: str = "") -> None:
    """One slide per page of ``shown``; continuation slides are titled "Title (2/3)"."""
    for index, page in enumerate(shown):
        text_slide(writer, writer.continued(title, index, len(shown)), page,
                   notes[min(index, len(notes) - 1)], subtitle if index == 0 else "")


def text_slide(writer: SlideWriter, title: str, blocks: Sequence[TextBlock], notes: str,
               subtitle: str = "") -> None:
    """A titled slide with ``blocks`` in the layout's body."""
    d = writer.design
    slide, room, body = writer.titled("content", title, notes, subtitle, body=True)
    place_text(slide, body, room, blocks, d.surface.text, "Content")


def prose_slides(writer: SlideWriter, title: str, text: RichText) -> None:
    """Running text (see ``shown_text``), as bullets when it has several paragraphs; the full
    text in the notes. A few words stand as a statement on a tinted panel."""
    d = writer.design
    shown = shown_text(d, text)
    bullets = len(shown.blocks) > 1
    def make(size: float) -> list[TextBlock]:
        return rich_blocks(shown, size, d, bullets)

    panel = statement_box(d.body_box())
    if word_count(make(d.continued_size)) < STATEMENT_WORDS and fits(d, make(d.body_sizes[-1]),
                                                                       panel):
        statement_slide(writer, title, pages(d, make, panel)[0], text.plain)
        return
    text_slides(writer, title, pages(d, make), [text.plain])


def statement_box(room: Box) -> Box:
    """Where a statement's text goes: inside its panel, which takes the room."""
    return Box(room.left + STATEMENT_PAD, room.top + STATEMENT_PAD,
               room.width - 2 * STATEMENT_PAD, room.height - 2 * STATEMENT_PAD)


def statement_slide(writer: SlideWriter, title: str, blocks: Sequence[TextBlock],
                    notes: str) -> None:
    """A titled slide with ``blocks`` centred on a panel tinted with the primary colour."""
    d = writer.design
    slide, room, _ = writer.titled("content", title, notes)
    fill = mix(d.brand.colors.primary, d.surface.background, 0.8)
    slide.rectangle(room.emu(), fill, "Statement", blocks, d.brand.ink_on(fill),
                    pad=STATEMENT_PAD, rounding=0.03)


def shown_text(design: Design, text: RichText) -> RichText:
    """What a slide shows of running text: the whole of it when it fits one slide at a
    readable size and has no short form, else its short form (or first sentences)."""
    if text.slide is None and fits(design, rich_blocks(text, design.continued_size, design,
                                                       bullets=len(text.blocks) > 1)):
        return text
    return slide_form(text)


def prose_of(elements: Iterable[Element]) -> RichText:
    """The prose elements' text as one RichText (a single text keeps its short form)."""
    texts = []
    for element in elements:
        match element:
            case Prose():
                texts.append(element.text)
            case Definitions() | Bullets() | Table() | Ladder() | Questions():
                pass  # each has a slide kind of its own
            case _:
                assert_never(element)
    if len(texts) == 1:
        return texts[0]
    return RichText("\n\n".join(t.source for t in texts),
                    tuple(b for t in texts for b in t.blocks))


def subtitle_of(text: RichText) -> str:
    """A text's short form (or first sentences) as one line of plain text."""
    return " ".join(block.plain for block in slide_form(text).blocks)


def element_of(section: Section, kind: type[_Kind]) -> _Kind | None:
    """The section's first element of ``kind``, if it has one."""
    return next((e for e in section.elements if isinstance(e, kind)), None)
