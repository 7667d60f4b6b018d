"""The handbook's logical structure (PDF/UA tags), built with the story in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Attributes = tuple[tuple[str, dict[str, str | int]], ...]  # (owner, {key: value}), e.g. Table Scope

COLUMN_HEADER: Attributes = (("Table", {"Scope": "Column"}),)
ROW_HEADER: Attributes = (("Table", {"Scope": "Row"}),)
ROLE_MAP = {"Title": "H1"}  # PDF 1.7 has no Title structure type


@dataclass(eq=False)
class Elem:
    """A structure element; ``children`` are kept in story order, which is the reading order.
    ``keep``: written even without content of its own (an empty header cell keeps a row whole)."""

    role: str
    parent: Elem | None = None
    alt: str | None = None
    lang: str | None = None
    attrs: Attributes = ()
    keep: bool = False
    children: list[Elem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.parent is not None:
            self.parent.children.append(self)

    def add(self, role: str, *, alt: str | None = None, attrs: Attributes = (),
            keep: bool = False) -> Elem:
        """A new last child of this element."""
        return Elem(role, self, alt=alt, attrs=attrs, keep=keep)


@dataclass(eq=False)
class StructTree:
    """A document's tree: one Document root; the title, language and date also go to the
    metadata."""

    title: str
    lang: str
    created: datetime | None = None  # the document's date (metadata), UTC
    root: Elem = field(default_factory=lambda: Elem("Document"))


@dataclass(eq=False)
class Annotation:
    """A link annotation drawn for ``elem``: the object, its reference and page."""

    obj: Any
    ref: Any
    page: int
    elem: Elem


Item = tuple[str, Any]  # ("mc", (page, mcid)) | ("objr", Annotation) | ("elem", Elem)


@dataclass(eq=False)
class Recording:
    """What one layout pass drew for ``tree``: each element's content items in reading order,
    the element of each MCID per page, the link annotations, and Links found at draw time
    outside any paragraph (``orphans``, read at the end)."""

    tree: StructTree
    content: dict[Elem, list[Item]] = field(default_factory=dict)
    page_mcids: dict[int, list[Elem]] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)
    orphans: list[Elem] = field(default_factory=list)


def heading_role(level: int) -> str:
    """The heading role for a nesting ``level`` (0 is a chapter, H1), never deeper than H6."""
    return f"H{min(max(level, 0), 5) + 1}"


@dataclass
class ListMaker:
    """Builds L > LI > (Lbl, LBody) in ``parent`` for items given one by one with their nesting
    level; a deeper item opens a list inside the previous item's LBody."""

    parent: Elem
    stack: list[tuple[Elem, Elem | None]] = field(default_factory=list)  # (L, last LBody)

    def item(self, level: int, numbered: bool = False) -> tuple[Elem, Elem]:
        """The (Lbl, LBody) of a new item at ``level``."""
        while len(self.stack) > level + 1:
            self.stack.pop()
        while len(self.stack) < level + 1:
            host = self.stack[-1][1] if self.stack and self.stack[-1][1] else self.parent
            self.stack.append((host.add("L", attrs=(
                ("List", {"ListNumbering": "Decimal" if numbered else "Disc"}),)), None))
        lst = self.stack[-1][0]
        li = lst.add("LI")
        lbl, body = li.add("Lbl"), li.add("LBody")
        self.stack[-1] = (lst, body)
        return lbl, body


def pdf_date(moment: datetime) -> str:
    """``moment`` as a PDF date string in UTC (naive times are taken as UTC)."""
    return f"D:{_utc(moment):%Y%m%d%H%M%S}+00'00'"


def xmp_date(moment: datetime) -> str:
    """``moment`` as an XMP (ISO 8601) date in UTC."""
    return f"{_utc(moment):%Y-%m-%dT%H:%M:%S}Z"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
