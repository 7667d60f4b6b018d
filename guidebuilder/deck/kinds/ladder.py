"""Career ladder slides: one rising step per level, a few levels a slide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from pptx.enum.text import MSO_ANCHOR

from guidebuilder.brand.colormath import ramp
from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.kinds.text import element_of, prose_of, prose_slides
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import NUMBER_GAP
from guidebuilder.guide.richtext import BulletList, Paragraph, RichText, Run
from guidebuilder.plan.document import Ladder, Section
from guidebuilder.plan.layout import LADDER_STEPS, slide_form
from guidebuilder.text.blocks import TextBlock, blocks_height, fitted_text, word_count

SIZES = (20.0, 18.0, 16.0, 14.0)
STEPS_SHARE = 0.42  # of the width: the steps; the descriptions take the rest
GAP = 6.0


@dataclass(frozen=True)
class Level:
    """A step of the ladder: its number, title and the runs of its short description."""

    number: int
    title: str
    description: tuple[Run, ...]


@dataclass(frozen=True)
class _Geometry:
    steps: list[Box]
    descriptions: list[Box]


def _geometry(room: Box, count: int) -> _Geometry:
    """Boxes of the steps (widening upwards) and of the descriptions, most junior first."""
    row = (room.height - GAP * (count - 1)) / count
    column = room.width * STEPS_SHARE
    steps, descriptions = [], []
    for index in range(count):
        top = room.top + (count - 1 - index) * (row + GAP)
        width = column * (0.55 + 0.45 * index / max(1, count - 1))
        steps.append(Box(room.left, top, width, row))
        descriptions.append(Box(room.left + column + 14, top, room.width - column - 14, row))
    return _Geometry(steps, descriptions)


def _step_blocks(design: Design, level: Level, size: float) -> list[TextBlock]:
    """A step's number and title, a line that wraps going on under the title, not the number."""
    number = f"{level.number}."
    hang = design.measurer.width(number, size) + size * NUMBER_GAP
    return [TextBlock((Run(level.title, bold=True),), size, hang, bullet=number, hang=hang)]


def _description_blocks(level: Level, size: float) -> list[TextBlock]:
    return [TextBlock(level.description, size)] if level.description else []


def ladder_size(design: Design, room: Box, levels: Sequence[Level]) -> float | None:
    """The largest size at which every step's title and description fit, or None."""
    geometry = _geometry(room, len(levels))
    for size in SIZES:
        fits = all(
            blocks_height(design.measurer, blocks, design.inner_width(box))
            <= design.inner_height(box)
            for level, step, text in zip(levels, geometry.steps, geometry.descriptions, strict=True)
            for blocks, box in ((_step_blocks(design, level, size), step),
                                (_description_blocks(level, size), text)))
        if fits:
            return size
    return None


def shortened(design: Design, room: Box, levels: Sequence[Level]) -> list[Level]:
    """``levels`` with titles and descriptions cut (with "…") to fit their boxes at the
    smallest size; the notes keep them whole."""
    geometry = _geometry(room, len(levels))
    size = SIZES[-1]
    out = []
    for level, step, text in zip(levels, geometry.steps, geometry.descriptions, strict=True):
        number = _step_blocks(design, level, size)[0].indent
        title, _ = fitted_text(level.title, design.inner_width(step) - number,
                               design.inner_height(step), design.measurer, size, size, bold=True)
        line = "".join(run.text for run in level.description)
        description, _ = fitted_text(line, design.inner_width(text), design.inner_height(text),
                                     design.measurer, size, size)
        out.append(Level(level.number, title, (Run(description),) if line else ()))
    return out


def ladder_words(levels: Sequence[Level]) -> int:
    """The words a slide of ``levels`` shows."""
    return sum(word_count([TextBlock((Run(lv.title),), 14, bullet="1."),
                           *_description_blocks(lv, 14)]) for lv in levels)


def career_slides(writer: SlideWriter, role: str, section: Section) -> None:
    """Ladder slides, a few levels each, the full text of the levels in the notes (text slides
    when the section has no ladder)."""
    d = writer.design
    title = f"{role}: {section.title}"
    ladder = element_of(section, Ladder)
    notes = prose_of(section.elements).plain
    if ladder is None:
        prose_slides(writer, title, prose_of(section.elements))
        return
    levels = [Level(number, lv.term, _line(slide_form(lv.body)))
              for number, lv in enumerate(ladder.levels, start=1)]
    parts = [part for start in range(0, len(levels), LADDER_STEPS)
             for part in _ladder_parts(d, levels[start:start + LADDER_STEPS])]
    for index, part in enumerate(parts):
        level_notes = "\n\n".join(
            f"{lv.number}. {lv.title}: {ladder.levels[lv.number - 1].body.plain}" for lv in part)
        last_notes = notes if index == len(parts) - 1 else ""
        size = ladder_size(d, d.body_box(), part) or 14.0
        ladder_slide(writer, writer.continued(title, index, len(parts)), part, size,
                     "\n\n".join(n for n in (level_notes, last_notes) if n))


def _ladder_parts(design: Design, levels: list[Level]) -> list[list[Level]]:
    """``levels`` on as few slides as their words and sizes allow (halving when not);
    a single level that still does not fit has its description shortened."""
    room = design.body_box()
    if ladder_words(levels) <= design.max_words and ladder_size(design, room, levels):
        return [levels]
    if len(levels) > 1:
        middle = len(levels) // 2
        return _ladder_parts(design, levels[:middle]) + _ladder_parts(design, levels[middle:])
    return [shortened(design, room, levels)]


def _line(text: RichText) -> tuple[Run, ...]:
    """A text's runs as one line (paragraphs and list items joined by a space)."""
    runs: list[Run] = []
    for block in text.blocks:
        match block:
            case Paragraph():
                items = [block.runs]
            case BulletList():
                items = [item.runs for item in block.items]
            case _:
                assert_never(block)
        for item in items:
            if runs:
                runs.append(Run(" "))
            runs.extend(item)
    return tuple(runs)


def ladder_slide(writer: SlideWriter, title: str, levels: Sequence[Level], size: float,
                 notes: str) -> None:
    """The slide: steps as editable shapes filled with tints of the primary colour."""
    d = writer.design
    slide, room, _ = writer.titled("comparison", title, notes)
    geometry = _geometry(room, len(levels))
    for index, (level, step, text) in enumerate(
            zip(levels, geometry.steps, geometry.descriptions, strict=True)):
        fill = ramp(d.brand.colors.primary, d.surface.background, index, len(levels))
        slide.rectangle(step.emu(), fill, f"Level {level.number}", _step_blocks(d, level, size),
                        d.brand.ink_on(fill))
        if level.description:
            slide.textbox(text, _description_blocks(level, size), d.surface.text,
                          f"Level {level.number} description", anchor=MSO_ANCHOR.MIDDLE)
