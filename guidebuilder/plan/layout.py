"""Layout rules both renderers follow, so the handbook and the deck present content alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, assert_never

from guidebuilder.guide.richtext import Block, BulletList, Paragraph, RichText, Run, runs_between
from guidebuilder.plan.document import DocumentPlan, Section, SectionKind, Table
from guidebuilder.text.measure import leading_sentences, shorten

if TYPE_CHECKING:
    from guidebuilder.guide.model import Guide

BULLET = "•"
SUB_BULLET = "–"
FULL_NAME_COLUMNS = 3  # a table with at most this many roles names them in full in its header
HEADER_CHARS = 60  # characters of a role name in a table header (the notes have it in full)
LADDER_STEPS = 6  # career steps drawn side by side; more continue on another row or slide
PORTRAIT_TABLE_COLUMNS = 6  # a handbook table of at most this many roles stays on portrait pages
SLIDE_WORDS = 8  # a shortened slide text keeps sentences until it has this many words


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


def header_key(names: tuple[str, ...], short_names: tuple[str, ...]) -> str:
    """What a table's shortened role headers stand for ("DE: Data Engineer · DS: Data
    Scientist"), or "" when every header is the role's full name."""
    return " · ".join(f"{shown}: {name}" for shown, name
                      in zip(header_names(names, short_names), names, strict=True) if shown != name)


def slide_form(text: RichText) -> RichText:
    """What a slide shows of ``text``: its short form (``slide:``) when the guide gives one,
    else the leading sentences of each paragraph and list item, up to ``SLIDE_WORDS`` words
    (so the shortened text still says something). The speaker notes and the handbook carry
    the full text."""
    if text.slide is not None:
        return text.slide
    blocks: list[Block] = []
    for index, block in enumerate(text.blocks):
        if isinstance(block, Paragraph):
            introduces = (index + 1 < len(text.blocks)
                          and isinstance(text.blocks[index + 1], BulletList))
            blocks.append(Paragraph(_leading_sentences(block.runs, keep_lead_in=introduces)))
        else:
            blocks.append(BulletList(tuple(replace(item, runs=_leading_sentences(item.runs))
                                           for item in block.items)))
    return RichText(text.source, tuple(blocks))


def _leading_sentences(runs: tuple[Run, ...], keep_lead_in: bool = False) -> tuple[Run, ...]:
    """``runs`` cut after their leading sentences (see ``slide_form``), styles kept; with
    ``keep_lead_in``, a last sentence that ends with a colon (what introduces the list after
    it: "To do so:") is kept too."""
    text = "".join(run.text for run in runs)
    room = len(leading_sentences(text, SLIDE_WORDS)) + len(text) - len(text.lstrip())
    kept = runs_between(runs, 0, room)
    ends = list(re.finditer(r"[.!?…]\s+", text.rstrip()))
    lead_in = ends[-1].end() if ends else len(text)
    if keep_lead_in and text.rstrip().endswith(":") and lead_in >= room:
        kept = (*kept, Run(" "), *runs_between(runs, lead_in, len(text)))
    return kept


@dataclass(frozen=True)
class ShortenedText:
    """A text the slides show shortened: where it is in the guide (``faq[3].answer``), what the
    slides show (the ``slide:`` form to add, or to improve on) and the full text."""

    path: str
    shown: str
    full: str


def shortened_on_slides(guide: Guide) -> list[ShortenedText]:
    """The guide's texts that slides show cut to their leading sentences (they have no
    ``slide:`` form and are longer than it), in guide order, whatever their audience."""
    found = []
    for path, text in _slide_texts(guide):
        if text.slide is None:
            shown = _plain(slide_form(text))
            if shown != _plain(text):
                found.append(ShortenedText(path, shown, _plain(text)))
    return found


def _slide_texts(guide: Guide) -> Iterator[tuple[str, RichText]]:
    """Every text slides show in short, with its path in the guide."""
    for r, role in enumerate(guide.roles):
        yield f"roles[{r}].summary", role.summary
        for t, task in enumerate(role.tasks):
            yield f"roles[{r}].tasks[{t}]", task
        for level_index, level in enumerate(role.career.levels if role.career else ()):
            yield f"roles[{r}].career.levels[{level_index}].text", level.text
    for c, comparison in enumerate(guide.comparisons):
        yield f"comparisons[{c}].intro", comparison.intro
        for w, row in enumerate(comparison.rows):
            for role_id, points in row.cells.items():
                cell = f"comparisons[{c}].rows[{w}].cells.{role_id}"
                for p, point in enumerate(points):
                    yield (cell if len(points) == 1 else f"{cell}[{p}]"), point
    for q, entry in enumerate(guide.faq):
        yield f"faq[{q}].answer", entry.answer


def _plain(text: RichText) -> str:
    return "\n".join(block.plain for block in text.blocks)


class PageStart(Enum):
    """Where a section of the handbook begins."""

    FLOW = "flow"  # right below what comes before it
    ROOMY = "roomy"  # on a new page when less than CHAPTER_ROOM is left on this one
    OWN_PAGE = "own page"  # on a new page, unless this one holds only a few spilled lines
    NEW_PAGE = "new page"


CHAPTER_ROOM = 120.0  # points: a chapter opening lower on a page than this moves to the next
STUB_SHARE = 0.3  # a page filled less than this share of its height is no page to end on:
# a chapter meant to open a new page follows right below such a few spilled lines instead


def needs_wide_page(section: Section) -> bool:
    """Whether ``section`` may need landscape pages: it holds a table of more roles than a
    portrait page shows side by side (the renderer decides whether it fits after all)."""
    return any(isinstance(element, Table) and len(element.columns) > PORTRAIT_TABLE_COLUMNS
               for element in section.elements)


def chapter_start(plan: DocumentPlan, index: int,
                  wide: Callable[[Section], bool] = needs_wide_page,
                  together: Callable[[Section, Section], bool] = lambda first, then: False
                  ) -> PageStart:
    """Where chapter ``index`` of ``plan`` begins: on a page of its own when it is wide (or
    follows a wide one), unless the chapter before shares its first page (see
    ``shares_wide_page``) or it is a comparison after a wide one (then on that landscape page
    when there is room); a role or the FAQ on a new page unless the page so far holds
    only a few lines spilled from before (the first likewise after the contents); the
    closing words right after the last chapter; any other on the same page when there is
    room. ``wide`` tells whether a section is set on landscape pages, ``together`` whether
    two chapters fit one landscape page."""
    section = plan.sections[index]
    shared = index > 0 and shares_wide_page(plan, index - 1, wide, together)
    if wide(section):
        if shared:
            return PageStart.FLOW
        after_wide = index > 0 and wide(plan.sections[index - 1])
        return PageStart.ROOMY if after_wide and _flows(section) else PageStart.NEW_PAGE
    if shares_wide_page(plan, index, wide, together):
        return PageStart.NEW_PAGE
    if index == 0:
        return PageStart.OWN_PAGE
    if wide(plan.sections[index - 1]):
        return PageStart.NEW_PAGE
    match section.kind:
        case SectionKind.ROLE | SectionKind.FAQ:
            return PageStart.OWN_PAGE
        case SectionKind.CLOSING:
            return PageStart.FLOW
        case (SectionKind.INTRODUCTION | SectionKind.COMPARISON | SectionKind.RESPONSIBILITIES
              | SectionKind.TASKS | SectionKind.CAREER):
            return PageStart.ROOMY
        case _:
            assert_never(section.kind)


def _flows(section: Section) -> bool:
    """Whether a chapter may begin on the page the one before ends on, given room."""
    return section.kind in (SectionKind.INTRODUCTION, SectionKind.COMPARISON)


def shares_wide_page(plan: DocumentPlan, index: int,
                     wide: Callable[[Section], bool] = needs_wide_page,
                     together: Callable[[Section, Section], bool] = lambda first, then: False
                     ) -> bool:
    """Whether chapter ``index`` is set at the top of the first landscape page of the wide
    chapter right after it (at the portrait page's measure) rather than alone on a portrait
    page that a landscape one follows: it is an introduction or comparison (a role or the
    FAQ opens a page of its own) and ``together`` says both fit one landscape page."""
    sections = plan.sections
    return (index + 1 < len(sections) and not wide(sections[index])
            and sections[index].kind in (SectionKind.INTRODUCTION, SectionKind.COMPARISON)
            and (index == 0 or not shares_wide_page(plan, index - 1, wide, together))
            and wide(sections[index + 1]) and together(sections[index], sections[index + 1]))


def part_start(section: Section,
               wide: Callable[[Section], bool] = needs_wide_page) -> PageStart:
    """Where a part inside a chapter begins: on a new page only when it is set wide."""
    return PageStart.NEW_PAGE if wide(section) else PageStart.FLOW


def keeps_with_previous(section: Section) -> bool:
    """Whether ``section`` takes the item before it along to a new page rather than start a
    page alone: the closing words do."""
    return section.kind is SectionKind.CLOSING
