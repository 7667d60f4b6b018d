"""Layout rules both renderers follow, so the handbook and the deck present content alike."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import assert_never

from guidebuilder.guide.richtext import Block, BulletList, Paragraph, RichText, Run
from guidebuilder.plan.document import DocumentPlan, Section, SectionKind, Table
from guidebuilder.text.measure import first_sentence, shorten

BULLET = "•"
SUB_BULLET = "–"
FULL_NAME_COLUMNS = 3  # a table with at most this many roles names them in full in its header
HEADER_CHARS = 60  # characters of a role name in a table header (the notes have it in full)
LADDER_STEPS = 6  # career steps drawn side by side; more continue on another row or slide
WIDE_TABLE_COLUMNS = 4  # a handbook table with this many roles gets a landscape page


def bullet_marker(number: int | None, level: int) -> str:
    """The marker of a list item: its number, a bullet, or a dash for nested items."""
    if number is not None:
        return f"{number}."
    return BULLET if level == 0 else SUB_BULLET


def dimension_share(columns: int) -> float:
    """The share of a table's width its first (dimension) column takes."""
    return 0.22 if columns <= FULL_NAME_COLUMNS else 0.16


def header_names(names: tuple[str, ...], short_names: tuple[str, ...]) -> list[str]:
    """A table's role headers: full names for a few roles, else the short labels; capped."""
    shown = names if len(names) <= FULL_NAME_COLUMNS else short_names
    return [shorten(name, HEADER_CHARS) for name in shown]


def slide_form(text: RichText) -> RichText:
    """What a slide shows of ``text``: its short form (``slide:``) when the guide gives one,
    else the first sentence of each paragraph and of each list item. The speaker notes and the
    handbook carry the full text."""
    if text.slide is not None:
        return text.slide
    blocks: list[Block] = []
    for block in text.blocks:
        if isinstance(block, Paragraph):
            blocks.append(Paragraph(_first_sentence(block.runs)))
        else:
            blocks.append(BulletList(tuple(replace(item, runs=_first_sentence(item.runs))
                                           for item in block.items)))
    return RichText(text.source, tuple(blocks))


def _first_sentence(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """``runs`` cut after their first sentence, styles kept."""
    room = len(first_sentence("".join(run.text for run in runs)))
    kept: list[Run] = []
    for run in runs:
        if room <= 0:
            break
        kept.append(run.with_text(run.text[:room]))
        room -= len(run.text)
    return tuple(kept)


class PageStart(Enum):
    """Where a section of the handbook begins."""

    FLOW = "flow"  # right below what comes before it
    ROOMY = "roomy"  # on a new page when less than CHAPTER_ROOM is left on this one
    NEW_PAGE = "new page"


CHAPTER_ROOM = 120.0  # points: a chapter opening lower on a page than this moves to the next


def needs_wide_page(section: Section) -> bool:
    """Whether ``section`` is set on landscape pages: it holds a table of many roles."""
    return any(isinstance(element, Table) and len(element.columns) >= WIDE_TABLE_COLUMNS
               for element in section.elements)


def chapter_start(plan: DocumentPlan, index: int) -> PageStart:
    """Where chapter ``index`` of ``plan`` begins: on a page of its own when it is wide, a
    role or the FAQ, or follows a wide one; the first right after the contents; the closing
    words right after the last chapter; any other on the same page when there is room."""
    section = plan.sections[index]
    if needs_wide_page(section):
        return PageStart.NEW_PAGE
    if index == 0:
        return PageStart.FLOW
    if needs_wide_page(plan.sections[index - 1]):
        return PageStart.NEW_PAGE
    match section.kind:
        case SectionKind.ROLE | SectionKind.FAQ:
            return PageStart.NEW_PAGE
        case SectionKind.CLOSING:
            return PageStart.FLOW
        case (SectionKind.INTRODUCTION | SectionKind.COMPARISON | SectionKind.RESPONSIBILITIES
              | SectionKind.TASKS | SectionKind.CAREER):
            return PageStart.ROOMY
        case _:
            assert_never(section.kind)


def part_start(section: Section) -> PageStart:
    """Where a part inside a chapter begins: on a new page only when it needs a wide one."""
    return PageStart.NEW_PAGE if needs_wide_page(section) else PageStart.FLOW


def keeps_with_previous(section: Section) -> bool:
    """Whether ``section`` takes the item before it along to a new page rather than start a
    page alone: the closing words do."""
    return section.kind is SectionKind.CLOSING
