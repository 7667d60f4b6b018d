"""Turn a validated Guide into a layout-neutral DocumentPlan: audience filtering and order."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from guidebuilder.plan.document import (
    Bullets,
    Definition,
    Definitions,
    DocumentInfo,
    DocumentPlan,
    Element,
    Labels,
    Ladder,
    Prose,
    Question,
    Questions,
    Section,
    SectionKind,
    Table,
    TableRow,
)
from guidebuilder.plan.labels import labels_for, long_date

if TYPE_CHECKING:
    from guidebuilder.guide.model import Guide, Role, Row


class _Audienced(Protocol):
    @property
    def audience(self) -> tuple[str, ...] | None: ...


_Item = TypeVar("_Item", bound=_Audienced)


def _kept(items: Iterable[_Item], audience: str | None) -> tuple[_Item, ...]:
    """Items with no audience, or whose audience list names ``audience``; all when it is None."""
    return tuple(i for i in items
                 if audience is None or i.audience is None or audience in i.audience)


def roles_for(guide: Guide, audience: str | None) -> tuple[Role, ...]:
    """The guide's roles that ``audience`` sees (all when it is None)."""
    return _kept(guide.roles, audience)


def build_plan(guide: Guide, audience: str | None = None,
               timestamp: datetime | None = None) -> DocumentPlan:
    """Order the guide's content into sections, keeping only what ``audience`` should see;
    a role with nothing to say beyond its name (a thin guide's) has no chapter."""
    labels = labels_for(guide.language, guide.labels.model_dump())
    roles = roles_for(guide, audience)
    sections: list[Section] = []
    if guide.summary:
        sections.append(Section("introduction", SectionKind.INTRODUCTION, labels.introduction,
                                (Prose(guide.summary),)))
    for index, comparison in enumerate(_kept(guide.comparisons, audience), start=1):
        elements: list[Element] = []
        if comparison.intro:
            elements.append(Prose(comparison.intro))
        table = _table(comparison.rows, roles, audience)
        if table:
            elements.append(table)
        if comparison.notes:
            elements.append(Prose(comparison.notes))
        sections.append(Section(f"comparison-{index}", SectionKind.COMPARISON, comparison.title,
                                tuple(elements)))
    sections.extend(section for role in roles
                    if (section := _role_section(labels, role, audience)).elements
                    or section.children)
    questions = tuple(Question(e.question, e.answer) for e in _kept(guide.faq, audience))
    if questions:
        sections.append(Section("faq", SectionKind.FAQ, labels.faq, (Questions(questions),)))
    if guide.closing:
        sections.append(Section("closing", SectionKind.CLOSING, labels.closing,
                                (Prose(guide.closing),)))
    date = guide.date or (long_date(timestamp.date(), guide.language) if timestamp else "")
    meta = DocumentInfo(guide.title, guide.subtitle, guide.credits,
                        " · ".join(part for part in (guide.version, date) if part),
                        guide.language, labels, timestamp)
    return DocumentPlan(meta, tuple(sections))


def _table(rows: tuple[Row, ...], roles: tuple[Role, ...], audience: str | None) -> Table | None:
    kept_rows = _kept(rows, audience)
    used = [r for r in roles if any(r.id in row.cells for row in kept_rows)]
    if not used:
        return None
    return Table(
        columns=tuple(r.name for r in used),
        short_columns=tuple(r.label for r in used),
        rows=tuple(TableRow(row.dimension, tuple(row.cells.get(r.id, ()) for r in used))
                   for row in kept_rows),
    )


def _role_section(labels: Labels, role: Role, audience: str | None) -> Section:
    children: list[Section] = []
    key = f"role-{role.id}"
    responsibilities = _kept(role.responsibilities, audience)
    if responsibilities:
        children.append(Section(f"{key}-responsibilities", SectionKind.RESPONSIBILITIES,
                                labels.responsibilities,
                                (Definitions(tuple(Definition(r.title, r.text)
                                                   for r in responsibilities)),)))
    if role.tasks:
        children.append(Section(f"{key}-tasks", SectionKind.TASKS, labels.tasks,
                                (Bullets(tuple(t for t in role.tasks if t)),)))
    if role.career:
        levels = _kept(role.career.levels, audience)
        elements: list[Element] = []
        if levels:
            elements.append(Ladder(tuple(Definition(lv.title, lv.text) for lv in levels)))
        if role.career.notes:
            elements.append(Prose(role.career.notes))
        if elements:
            children.append(Section(f"{key}-career", SectionKind.CAREER, labels.career,
                                    tuple(elements)))
    intro = (Prose(role.summary),) if role.summary else ()
    return Section(key, SectionKind.ROLE, role.name, intro, tuple(children))
