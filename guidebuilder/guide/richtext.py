"""Markdown in md fields, parsed once into paragraphs, bullet lists and styled inline runs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; ``link`` is the target URL when the run is a link."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None

    def with_text(self, text: str) -> Run:
        """The same style with other text (made directly: measuring calls this for every word,
        and ``dataclasses.replace`` inspects the fields each time)."""
        return Run(text, self.bold, self.italic, self.code, self.link)

    def same_style(self, other: Run) -> bool:
        return (self.bold, self.italic, self.code, self.link) == (
            other.bold, other.italic, other.code, other.link)

    @property
    def safe_link(self) -> str | None:
        """The link target when both outputs may make it clickable (web and mail links only)."""
        return self.link if self.link and self.link.lower().startswith(_SAFE_SCHEMES) else None


_SAFE_SCHEMES = ("http://", "https://", "mailto:")
Runs = tuple[Run, ...]


def runs_between(runs: Sequence[Run], start: int, end: int) -> Runs:
    """The runs of characters ``start`` to ``end`` of ``runs``' joined text, styles kept."""
    out: list[Run] = []
    seen = 0
    for run in runs:
        piece = run.text[max(0, start - seen):max(0, end - seen)]
        if piece:
            out.append(run.with_text(piece))
        seen += len(run.text)
    return tuple(out)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline runs."""

    runs: Runs

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)


MAX_LIST_LEVEL = 8  # the deepest level drawn (PowerPoint has 9); deeper items are drawn there
MAX_LIST_NESTING = 50  # lists nested deeper than this are an error, not parsed


class MarkdownError(ValueError):
    """Markdown that cannot be drawn without losing text; the message says why."""


@dataclass(frozen=True)
class ListItem:
    """One bullet (or numbered item) at a nesting level from 0 to :data:`MAX_LIST_LEVEL`."""

    runs: Runs
    level: int = 0
    number: int | None = None

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    """Consecutive list items, flattened with their nesting level."""

    items: tuple[ListItem, ...]

    @property
    def plain(self) -> str:
        return "\n".join(item.plain for item in self.items)


Block = Paragraph | BulletList


@dataclass(frozen=True)
class RichText:
    """Parsed Markdown: the source it came from, its blocks, and the short form slides show
    instead, when the guide gives one (``{text: ..., slide: ...}``)."""

    source: str
    blocks: tuple[Block, ...]
    slide: RichText | None = None

    @property
    def plain(self) -> str:
        return "\n\n".join(block.plain for block in self.blocks)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """How pydantic checks a RichText: as an instance. Guide fields parse Markdown with their
        own validators (guide.model), so pydantic needs no schema of the parsed form, whose
        every nested class it would otherwise work through at each start."""
        from pydantic_core import core_schema

        return core_schema.is_instance_schema(cls)

    def __bool__(self) -> bool:
        return bool(self.blocks)


# Control characters other than tab and newline have no visible form, and lone surrogates and
# U+FFFE/U+FFFF cannot be stored in XML: all are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                      # bidi embeddings, overrides and isolates can make text read as another
                      # (a title showing "Safeexe.txt"); zero-width spaces and joiners of words
                      "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")
_WHITESPACE = re.compile(r"\s+")


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a character that is not a space or an invisible
    format character."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def clean(text: str) -> str:
    """Text as shown: NFC-normalised, control characters dropped, runs of spaces collapsed."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return _WHITESPACE.sub(" ", text).strip()


# markdown-it counts two levels per list (the list and its item) and silently drops the
# content of an item opened at its last level: this parses MAX_LIST_NESTING levels of lists
_MAX_NESTING = 2 * MAX_LIST_NESTING + 2


@cache
def _parser() -> MarkdownIt:
    """CommonMark limited to what the content format allows; everything else stays literal."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "maxNesting": _MAX_NESTING}).disable(
        ["entity", "html_inline", "html_block", "heading", "lheading", "code", "fence",
         "blockquote", "hr", "reference", "autolink", "image"]
    )


def parse(source: str) -> RichText:
    """Parse a Markdown field into blocks of runs. List items nested deeper than
    :data:`MAX_LIST_LEVEL` are kept at that level; lists nested deeper than
    :data:`MAX_LIST_NESTING` raise :class:`MarkdownError`."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", source.replace("\t", "    ")))
    blocks: list[Block] = []
    items: list[ListItem] = []
    depth = -1
    numbers: list[int | None] = []
    for token in _parser().parse(text):
        if token.type == "list_item_open" and token.level >= _MAX_NESTING - 1:
            raise MarkdownError(f"lists nest more than {MAX_LIST_NESTING} levels deep")
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            start = token.attrGet("start")
            numbers.append((int(start) if start else 1) if token.type == "ordered_list_open" else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            numbers.pop()
            if depth < 0 and items:
                blocks.append(BulletList(tuple(items)))
                items = []
        elif token.type == "inline":
            runs = _inline_runs(token.children or [])
            if depth >= 0:
                number = numbers[-1]
                items.append(ListItem(runs, min(depth, MAX_LIST_LEVEL), number))
                if number is not None:
                    numbers[-1] = number + 1
            elif runs:
                blocks.append(Paragraph(runs))
    return RichText(source, tuple(blocks))


def _inline_runs(tokens: list[Token]) -> Runs:
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None

    def add(text: str, code: bool = False) -> None:
        if not text:
            return
        run = Run(text, bold > 0, italic > 0, code, link)
        if runs and runs[-1].same_style(run):
            runs[-1] = run.with_text(runs[-1].text + text)
        else:
            runs.append(run)

    for token in tokens:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link = str(token.attrGet("href") or "") or None
        elif kind == "link_close":
            link = None
    return _trimmed(runs)


def _trimmed(runs: list[Run]) -> Runs:
    """Collapse whitespace inside runs and drop leading/trailing blanks of the whole line."""
    out: list[Run] = []
    for run in runs:
        text = run.text if run.code else _WHITESPACE.sub(" ", run.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out:
            text = text.lstrip()
        if text:
            out.append(run.with_text(text))
    while out and not out[-1].text.rstrip():
        out.pop()
    if out:
        last = out[-1]
        out[-1] = last.with_text(last.text.rstrip())
    return tuple(out)
