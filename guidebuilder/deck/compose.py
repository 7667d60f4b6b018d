"""Walk the plan and give each section kind its slides (checked dispatch over SectionKind)."""

from __future__ import annotations

from typing import assert_never

from guidebuilder.deck.kinds.agenda import agenda_slides
from guidebuilder.deck.kinds.closing import closing_slides
from guidebuilder.deck.kinds.comparison import comparison_slides
from guidebuilder.deck.kinds.divider import divider_slide, wants_divider
from guidebuilder.deck.kinds.faq import faq_slides
from guidebuilder.deck.kinds.ladder import career_slides
from guidebuilder.deck.kinds.overview import (
    CardText,
    overview_slides,
    responsibilities_card,
    tasks_card,
)
from guidebuilder.deck.kinds.text import element_of, prose_of, prose_slides
from guidebuilder.deck.kinds.title import title_slide
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Questions,
    Section,
    SectionKind,
)


def compose(plan: DocumentPlan, writer: SlideWriter) -> None:
    """The title and agenda, then each section's slides in order."""
    title_slide(writer, plan.meta)
    agenda_slides(writer, [section.title for section in plan.sections])
    roles = [s.title for s in plan.sections if s.kind is SectionKind.ROLE]
    first_role = next((s for s in plan.sections if s.kind is SectionKind.ROLE), None)
    for number, section in enumerate(plan.sections, start=1):
        if section is first_role and wants_divider(roles):
            divider_slide(writer, number, roles)
        section_slides(writer, section)


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


def role_slides(writer: SlideWriter, section: Section) -> None:
    """A role's overview (summary, responsibilities and task examples as cards), then its
    career ladder."""
    parts = {child.kind: child for child in section.children}  # the last of each kind
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
    overview_slides(writer, section.title, prose_of(section.elements), cards)
    if SectionKind.CAREER in parts:
        career_slides(writer, section.title, parts[SectionKind.CAREER])
