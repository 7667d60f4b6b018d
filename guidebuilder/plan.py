"""Turn a validated Guide into a layout-neutral DocumentPlan that both renderers read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING

from guidebuilder.richtext import RichText

if TYPE_CHECKING:
    from guidebuilder.model import Guide, Role


@dataclass(frozen=True)
class Prose:
    """Running text: paragraphs and bullet lists."""

    text: RichText


@dataclass(frozen=True)
class Definition:
    """A titled item, such as a responsibility."""

    term: str
    body: RichText


@dataclass(frozen=True)
class Definitions:
    items: tuple[Definition, ...]


@dataclass(frozen=True)
class Points:
    """A bullet list whose items are each a Markdown field (task examples)."""

    items: tuple[RichText, ...]


@dataclass(frozen=True)
class TableRow:
    dimension: str
    cells: tuple[tuple[RichText, ...], ...]  # one tuple of points per column


@dataclass(frozen=True)
class Table:
    """A comparison: one column per role, one row per dimension."""

    columns: tuple[str, ...]
    short_columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Ladder:
    """A career ladder, most junior level first."""

    levels: tuple[Definition, ...]


@dataclass(frozen=True)
class Question:
    question: str
    answer: RichText


@dataclass(frozen=True)
class Questions:
    items: tuple[Question, ...]


Element = Prose | Definitions | Points | Table | Ladder | Questions


@dataclass(frozen=True)
class Section:
    """A titled part of the document; ``kind`` says what it holds, ``key`` is a stable anchor."""

    key: str
    kind: str
    title: str
    elements: tuple[Element, ...] = ()
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Meta:
    title: str
    subtitle: str
    credits: str
    date_line: str
    language: str
    labels: SimpleNamespace  # the guide's labels as plain attributes (no pydantic needed)
    timestamp: datetime | None = None


@dataclass(frozen=True)
class DocumentPlan:
    meta: Meta
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def walk(self) -> Iterable[tuple[int, Section]]:
        """Every section with its depth (0 for chapters), in document order."""
        stack = [(0, s) for s in reversed(self.sections)]
        while stack:
            depth, section = stack.pop()
            yield depth, section
            stack.extend((depth + 1, child) for child in reversed(section.children))


def _kept(items: Iterable, audience: str | None) -> tuple:
    """Items with no audience, or whose audience list names ``audience``; all when it is None."""
    return tuple(i for i in items
                 if audience is None or i.audience is None or audience in i.audience)


def build_plan(guide: Guide, audience: str | None = None,
               timestamp: datetime | None = None) -> DocumentPlan:
    """Order the guide's content into sections, keeping only what ``audience`` should see."""
    labels = SimpleNamespace(**guide.labels.model_dump())
    roles = _kept(guide.roles, audience)
    sections: list[Section] = []
    if guide.summary:
        sections.append(Section("introduction", "introduction", labels.introduction,
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
        sections.append(Section(f"comparison-{index}", "comparison", comparison.title,
                                tuple(elements)))
    sections.extend(_role_section(labels, role, audience) for role in roles)
    questions = tuple(Question(e.question, e.answer) for e in _kept(guide.faq, audience))
    if questions:
        sections.append(Section("faq", "faq", labels.faq, (Questions(questions),)))
    if guide.closing:
        sections.append(Section("closing", "closing", labels.closing, (Prose(guide.closing),)))
    date = guide.date or (timestamp.strftime("%Y-%m-%d") if timestamp else "")
    meta = Meta(guide.title, guide.subtitle, guide.credits,
                " · ".join(part for part in (guide.version, date) if part),
                guide.language, labels, timestamp)
    return DocumentPlan(meta, tuple(sections))


def _table(rows: tuple, roles: tuple[Role, ...], audience: str | None) -> Table | None:
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


def _role_section(labels: SimpleNamespace, role: Role, audience: str | None) -> Section:
    children: list[Section] = []
    key = f"role-{role.id}"
    responsibilities = _kept(role.responsibilities, audience)
    if responsibilities:
        children.append(Section(f"{key}-responsibilities", "responsibilities",
                                labels.responsibilities,
                                (Definitions(tuple(Definition(r.title, r.text)
                                                   for r in responsibilities)),)))
    if role.tasks:
        children.append(Section(f"{key}-tasks", "tasks", labels.tasks,
                                (Points(tuple(t for t in role.tasks if t)),)))
    if role.career:
        levels = _kept(role.career.levels, audience)
        elements: list[Element] = []
        if levels:
            elements.append(Ladder(tuple(Definition(lv.title, lv.text) for lv in levels)))
        if role.career.notes:
            elements.append(Prose(role.career.notes))
        if elements:
            children.append(Section(f"{key}-career", "career", labels.career, tuple(elements)))
    intro = (Prose(role.summary),) if role.summary else ()
    return Section(key, "role", role.name, intro, tuple(children))
