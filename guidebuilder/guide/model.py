"""The guide content model: strict, immutable pydantic classes for every key of the format."""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, field_validator
from pydantic_core import PydanticCustomError

from guidebuilder.guide import richtext
from guidebuilder.guide.richtext import RichText
from guidebuilder.reading.validation import describe

ROLE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MAX_ROLES = 6


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "expected text, found {found}", {"found": describe(value)})
    return richtext.clean(value)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise PydanticCustomError("text_empty", "must not be empty")
    return text


SHORT_FORM_KEYS = ("text", "slide")


def _markdown(value: Any) -> RichText:
    """Markdown text, or ``{text: ..., slide: ...}``: the full text and a short form for slides."""
    if value is None:
        return RichText("", ())
    if isinstance(value, dict):
        return _with_short_form(value)
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "expected text, found {found}", {"found": describe(value)})
    return richtext.parse(value)


def _with_short_form(value: dict[str, Any]) -> RichText:
    unknown = [key for key in value if key not in SHORT_FORM_KEYS]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), SHORT_FORM_KEYS, n=1)
        raise PydanticCustomError(
            "short_form_key", "unknown key '{key}' in a text with a short form{hint}",
            {"key": str(unknown[0])[:40], "hint": f"; did you mean '{close[0]}'?" if close else ""})
    if not isinstance(value.get("text"), str) or not value["text"].strip():
        raise PydanticCustomError("short_form_text", "a text with a short form needs 'text'")
    slide = value.get("slide")
    if slide is not None and not isinstance(slide, str):
        raise PydanticCustomError("text_type", "expected text for 'slide', found {found}",
                                  {"found": describe(slide)})
    text = richtext.parse(value["text"])
    short = richtext.parse(slide) if slide else None
    return RichText(text.source, text.blocks, short or None)


def _markdown_list(value: Any) -> tuple[RichText, ...]:
    """A table cell: one Markdown text (maybe with a short form), or a list of them."""
    items = value if isinstance(value, list) else [value]
    parsed = tuple(_markdown(item) for item in items)
    return tuple(item for item in parsed if item)


def _role_id(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(ROLE_ID_PATTERN, value):
        raise PydanticCustomError(
            "role_id", "'{value}' is not a valid role id", {"value": str(value)[:60]})
    return value


def _language(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", value):
        raise PydanticCustomError("language", "'{value}' is not a language tag",
                                  {"value": str(value)[:40]})
    return value


def _audience(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = tuple(_required_text(item) for item in items)
    if not names:
        raise PydanticCustomError("audience_empty", "must name at least one audience")
    return names


Text = Annotated[str, PlainValidator(_text)]
RequiredText = Annotated[str, PlainValidator(_required_text)]
Markdown = Annotated[RichText, PlainValidator(_markdown)]
Cell = Annotated[tuple[RichText, ...], PlainValidator(_markdown_list)]
RoleId = Annotated[str, PlainValidator(_role_id)]
Language = Annotated[str, PlainValidator(_language)]
Audience = Annotated[tuple[str, ...], PlainValidator(_audience)]

_EMPTY = RichText("", ())


class Strict(BaseModel):
    """Base: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class TitledText(Strict):
    """A title with optional Markdown text: a responsibility or a career level."""

    title: RequiredText
    text: Markdown = _EMPTY
    audience: Audience | None = None


class Career(Strict):
    levels: tuple[TitledText, ...] = ()
    notes: Markdown = _EMPTY


class Role(Strict):
    id: RoleId
    name: RequiredText
    short: Text = ""
    summary: Markdown = _EMPTY
    responsibilities: tuple[TitledText, ...] = ()
    tasks: tuple[Markdown, ...] = ()
    career: Career | None = None
    audience: Audience | None = None

    @property
    def label(self) -> str:
        """The short label when there is one, else the name."""
        return self.short or self.name


class Row(Strict):
    dimension: RequiredText
    cells: dict[str, Cell] = Field(default_factory=dict)
    audience: Audience | None = None


class Comparison(Strict):
    title: RequiredText
    intro: Markdown = _EMPTY
    rows: tuple[Row, ...] = ()
    notes: Markdown = _EMPTY
    audience: Audience | None = None


class FaqEntry(Strict):
    question: RequiredText
    answer: Markdown = _EMPTY
    audience: Audience | None = None


class Labels(Strict):
    """Words the outputs add around the content; translate them for guides in other languages."""

    contents: RequiredText = "Contents"
    agenda: RequiredText = "Agenda"
    introduction: RequiredText = "Introduction"
    comparisons: RequiredText = "Comparisons"
    roles: RequiredText = "Roles"
    summary: RequiredText = "Summary"
    responsibilities: RequiredText = "Responsibilities"
    tasks: RequiredText = "Task examples"
    career: RequiredText = "Career path"
    faq: RequiredText = "Frequently asked questions"
    closing: RequiredText = "Closing"
    continued: RequiredText = "(cont.)"
    page: RequiredText = "Page {page} of {pages}"
    question: RequiredText = "Q:"
    answer: RequiredText = "A:"

    @field_validator("page")
    @classmethod
    def _page_placeholders(cls, value: str) -> str:
        try:
            value.format(page=1, pages=2)
        except (KeyError, IndexError, ValueError):
            raise PydanticCustomError(
                "page_label", "may only use the placeholders {page} and {pages}") from None
        return value


class Guide(Strict):
    title: RequiredText
    subtitle: Text = ""
    summary: Markdown = _EMPTY
    credits: Text = ""
    version: Text = ""
    date: Text = ""
    language: Language = "en"
    labels: Labels = Labels()
    roles: tuple[Role, ...] = Field(min_length=1, max_length=MAX_ROLES)
    comparisons: tuple[Comparison, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    closing: Markdown = _EMPTY


def reference_problems(data: Any) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Cross-reference checks on raw guide data: duplicate role ids, cells naming unknown roles.

    Works on the raw mapping so these problems are reported together with structural ones.
    Returns ``(path, message, hint)`` triples.
    """
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list):
        return []
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    ids: list[str] = []
    for index, role in enumerate(data["roles"]):
        role_id = role.get("id") if isinstance(role, dict) else None
        if not isinstance(role_id, str):
            continue
        if role_id in ids:
            found.append((("roles", index, "id"), f"duplicate role id '{role_id}'",
                          f"role ids must be unique; roles[{ids.index(role_id)}] already uses it"))
        ids.append(role_id)
    comparisons = data.get("comparisons")
    for c_index, comparison in enumerate(comparisons if isinstance(comparisons, list) else []):
        rows = comparison.get("rows") if isinstance(comparison, dict) else None
        for r_index, row in enumerate(rows if isinstance(rows, list) else []):
            cells = row.get("cells") if isinstance(row, dict) else None
            for key in cells if isinstance(cells, dict) else {}:
                if key in ids:
                    continue
                close = difflib.get_close_matches(key, ids, n=1)
                hint = (f"did you mean '{close[0]}'?" if close
                        else f"use one of the role ids: {', '.join(ids)}")
                found.append(((("comparisons", c_index, "rows", r_index, "cells", key)),
                              f"unknown role id '{key}'", hint))
    return found
