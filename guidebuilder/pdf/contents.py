"""The contents page, seeded with the page numbers its headings had in the last build."""

# Seeding makes one layout pass usually suffice (as LaTeX keeps its .aux file). reportlab's
# multiBuild compares the seeded entries with where the headings land and lays out again when
# any differs: a stale or tampered guess costs a pass, never a wrong page number.

from __future__ import annotations

import json
from collections.abc import Sequence

from reportlab.platypus.tableofcontents import TableOfContents

from guidebuilder.cache import keep, recall
from guidebuilder.pdf.flowables import Heading

Entry = tuple[int, str, int, str]  # level, contents markup, page, key
MAX_PAGE = 1_000_000


def _key(lines: Sequence[tuple[int, str, str]]) -> bytes:
    return json.dumps(list(lines), ensure_ascii=False).encode()


def seed_contents(toc: TableOfContents, headings: Sequence[Heading]) -> None:
    """Give ``toc`` the page numbers these headings had last time, when they are known."""
    lines = [(h.level, h.contents, h.key) for h in headings]
    pages = recall("contents", _key(lines))
    if (isinstance(pages, list) and len(pages) == len(lines) and lines
            and all(type(page) is int and 0 < page <= MAX_PAGE for page in pages)):
        toc.addEntries([(level, text, page, key)
                        for (level, text, key), page in zip(lines, pages, strict=True)])


def remember_contents(entries: Sequence[Entry]) -> None:
    """Keep the page numbers of a finished layout for the next build of the same headings."""
    lines = [(level, text, key) for level, text, _, key in entries]
    if lines:
        keep("contents", _key(lines), [page for _, _, page, _ in entries])
