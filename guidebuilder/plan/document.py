"""The layout-neutral document both renderers read: sections of typed elements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from guidebuilder.guide.richtext import RichText


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
    """Titled items in order, such as a role's responsibilities."""

    items: tuple[Definition, ...]


@dataclass(frozen=True)
class Bullets:
    """A bullet list whose items are each a Markdown field (task examples)."""

    items: tuple[RichText, ...]


@dataclass(frozen=True)
class TableRow:
    """One dimension of a comparison and its cells, in the table's column order."""

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
    """A question and its Markdown answer."""

    question: str
    answer: RichText


@dataclass(frozen=True)
class Questions:
    """The frequently asked questions, in order."""

    items: tuple[Question, ...]


Element = Prose | Definitions | Bullets | Table | Ladder | Questions


class SectionKind(StrEnum):
    """What a section holds; chapters are the top-level kinds, the rest are parts of a role."""

    INTRODUCTION = "introduction"
    COMPARISON = "comparison"
    ROLE = "role"
    FAQ = "faq"
    CLOSING = "closing"
    RESPONSIBILITIES = "responsibilities"
    TASKS = "tasks"
    CAREER = "career"


@dataclass(frozen=True)
class Section:
    """A titled part of the document; ``kind`` says what it holds, ``key`` is a stable anchor."""

    key: str
    kind: SectionKind
    title: str
    elements: tuple[Element, ...] = ()
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Labels:
    """The words the outputs add around the content, in the guide's language."""

    contents: str
    agenda: str
    introduction: str
    comparisons: str
    roles: str
    summary: str
    responsibilities: str
    tasks: str
    career: str
    faq: str
    closing: str
    continued: str
    page: str  # with {page} and {pages}
    question: str
    answer: str


@dataclass(frozen=True)
class DocumentInfo:
    """What the cover and the file properties show."""

    title: str
    subtitle: str
    credits: str
    date_line: str
    language: str
    labels: Labels
    timestamp: datetime | None = None


@dataclass(frozen=True)
class DocumentPlan:
    """The whole document: its cover information and its chapters, in order."""

    meta: DocumentInfo
    sections: tuple[Section, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer is asked beyond the plan and the brand."""

    use_cache: bool = True  # remembered hints (the handbook's page numbers) may be read and kept
