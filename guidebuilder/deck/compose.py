"""Walk the plan and give each section kind its slides (checked dispatch over SectionKind)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile
from typing import assert_never

from guidebuilder.deck.kinds.agenda import AgendaEntry, agenda_slides
from guidebuilder.deck.kinds.closing import closing_slides
from guidebuilder.deck.kinds.comparison import comparison_slides, paired_slide
from guidebuilder.deck.kinds.divider import divider_slide, wants_divider
from guidebuilder.deck.kinds.faq import faq_slides
from guidebuilder.deck.kinds.ladder import career_slides
from guidebuilder.deck.kinds.overview import (
    CardText,
    cards_slide,
    career_card,
    fitted_cards,
    overview_slides,
    responsibilities_card,
    tasks_card,
    word_count_of,
)
from guidebuilder.deck.kinds.text import element_of, prose_of, prose_slides
from guidebuilder.deck.kinds.title import title_slide
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Ladder,
    Questions,
    Section,
    SectionKind,
)

THIN_WORDS = 24  # a role whose card would show at most this many words is thin
GATHERED = 3  # thin roles on one slide, at most


def compose(plan: DocumentPlan, writer: SlideWriter) -> None:
    """The title and agenda, then each section's slides in order; the roles together (after
    a divider when there are many), thin ones gathered a few to a slide; two short
    comparisons in a row share a slide."""
    title_slide(writer, plan.meta)
    roles = [s for s in plan.sections if s.kind is SectionKind.ROLE]
    divider = wants_divider([role.title for role in roles])
    groups = role_groups(writer, roles)
    entries = agenda_entries(plan, writer.labels.roles if divider else None, groups)
    agenda_slides(writer, entries)
    number = 0
    shown: Section | None = None  # a comparison already on the slide of the one before it
    for index, section in enumerate(plan.sections):
        after = plan.sections[index + 1] if index + 1 < len(plan.sections) else None
        if section.kind is not SectionKind.ROLE:
            number += 1
            if section is shown:
                continue
            if (after is not None and section.kind is after.kind is SectionKind.COMPARISON
                    and paired_slide(writer, section, after)):
                shown = after
                continue
            section_slides(writer, section)
        elif section is roles[0]:
            number += 1
            if divider:
                divider_slide(writer, number, [role.title for role in roles])
            for group in groups:
                if len(group) > 1:
                    gathered_slide(writer, group)
                else:
                    role_slides(writer, group[0], thin=is_thin(group[0]))


def agenda_entries(plan: DocumentPlan, roles_part: str | None,
                   groups: Sequence[Sequence[Section]]) -> list[AgendaEntry]:
    """The agenda's numbered entries: a section each (thin roles gathered on one slide, see
    ``role_groups``, one entry titled as that slide is), or, under ``roles_part`` (the
    divider's title), one entry for all roles naming them, numbered as the divider is."""
    entries: list[AgendaEntry] = []
    roles = [s.title for s in plan.sections if s.kind is SectionKind.ROLE]
    titles = {id(group[0]): _gathered_title(group) for group in groups}  # a slide's first role
    for section in plan.sections:
        if section.kind is not SectionKind.ROLE:
            entries.append(AgendaEntry(len(entries) + 1, section.title))
        elif roles_part is None:
            if id(section) in titles:
                entries.append(AgendaEntry(len(entries) + 1, titles[id(section)]))
        elif section.title == roles[0] and not any(e.roles for e in entries):
            entries.append(AgendaEntry(len(entries) + 1, roles_part, tuple(roles)))
    return entries


def role_groups(writer: SlideWriter, roles: Sequence[Section]) -> list[list[Section]]:
    """The roles as their slides show them, in order: alone, or a run of thin roles gathered,
    a card each, a few to a slide where their cards fit it together."""
    d = writer.design
    groups: list[list[Section]] = []
    index = 0
    while index < len(roles):
        run = list(takewhile(is_thin, roles[index:]))
        if len(run) < 2:
            groups.append([roles[index]])
            index += 1
            continue
        slides = -(-len(run) // GATHERED)
        start = 0
        for count in (len(run) // slides + (n < len(run) % slides) for n in range(slides)):
            group = run[start:start + count]
            fits = fitted_cards(d, [role_card(role) for role in group], d.body_box(), d.max_words)
            groups += [group] if fits else [[role] for role in group]
            start += count
        index += len(run)
    return groups


def is_thin(role: Section) -> bool:
    """Whether ``role`` says little enough to share a slide as one card."""
    return word_count_of(role_card(role)) <= THIN_WORDS


def gathered_slide(writer: SlideWriter, roles: Sequence[Section]) -> None:
    """Thin ``roles`` side by side, a card each, on one slide (see ``role_groups``)."""
    d = writer.design
    cards = [role_card(role) for role in roles]
    made = fitted_cards(d, cards, d.body_box(), d.max_words)
    cards_slide(writer, _gathered_title(roles), "", made,
                "\n\n".join(f"{card.heading}\n{card.notes}" for card in cards))


def _gathered_title(roles: Sequence[Section]) -> str:
    return " · ".join(role.title for role in roles)


def section_slides(writer: SlideWriter, section: Section) -> None:
    """The slides of one top-level section, by its kind."""
    match section.kind:
        case SectionKind.ROLE:
            role_slides(writer, section)
        case SectionKind.COMPARISON:
            comparison_slides(writer, section)
        case SectionKind.FAQ:
            questions = element_of(section, Questions)
            if questions is None:
                prose_slides(writer, section.title, prose_of(section.elements))
            else:
                faq_slides(writer, section.title, questions)
        case SectionKind.CLOSING:
            closing_slides(writer, section)
        case (SectionKind.INTRODUCTION | SectionKind.RESPONSIBILITIES | SectionKind.TASKS
              | SectionKind.CAREER):
            prose_slides(writer, section.title, prose_of(section.elements))
        case _:
            assert_never(section.kind)


def role_slides(writer: SlideWriter, section: Section, thin: bool = False) -> None:
    """A role's overview (summary, responsibilities and task examples as cards), then its
    career ladder; a ``thin`` role has its career path as a card on the overview when it
    fits there."""
    parts = {child.kind: child for child in section.children}  # the last of each kind
    cards = role_cards(section)
    career = parts.get(SectionKind.CAREER)
    ladder = element_of(career, Ladder) if career else None
    if thin and career is not None and ladder is not None:
        with_career = [*cards, career_card(career.title, ladder, prose_of(career.elements))]
        if overview_slides(writer, section.title, prose_of(section.elements), with_career,
                           only_together=True):
            return
    overview_slides(writer, section.title, prose_of(section.elements), cards)
    if career is not None:
        career_slides(writer, section.title, career)


def role_cards(section: Section) -> list[CardText]:
    """A role's responsibilities and task examples as cards."""
    parts = {child.kind: child for child in section.children}
    cards: list[CardText] = []
    responsibilities = parts.get(SectionKind.RESPONSIBILITIES)
    if responsibilities is not None:
        definitions = element_of(responsibilities, Definitions)
        if definitions is not None:
            cards.append(responsibilities_card(responsibilities.title, definitions))
    tasks = parts.get(SectionKind.TASKS)
    if tasks is not None:
        bullets = element_of(tasks, Bullets)
        if bullets is not None:
            cards.append(tasks_card(tasks.title, bullets))
    return cards


def role_card(section: Section) -> CardText:
    """All a role says as one card: its summary, its cards' items and its career path."""
    summary = prose_of(section.elements)
    cards = role_cards(section)
    career = next((c for c in section.children if c.kind is SectionKind.CAREER), None)
    ladder = element_of(career, Ladder) if career else None
    if career is not None and ladder is not None:
        cards.append(career_card(career.title, ladder, prose_of(career.elements)))
    items = ([summary] if summary.blocks else []) + [i for card in cards for i in card.items]
    notes = [summary.plain, *(f"{c.heading}:\n{c.notes}" for c in cards)]
    return CardText(section.title, items, "\n\n".join(n for n in notes if n))
