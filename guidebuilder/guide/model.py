"""The guide content model: strict, immutable pydantic classes for every key of the format."""

from __future__ import annotations

import difflib
import re
import string
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from guidebuilder.guide import richtext
from guidebuilder.guide.richtext import RichText
from guidebuilder.reading.validation import describe

ROLE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
MAX_ROLES = 10


MAX_TEXT = 300  # characters of a title, name or label: they are set large, on one or two lines
MAX_LONG_TEXT = 2000  # characters of the credits


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "expected text, found {found}", {"found": describe(value)})
    text = richtext.clean(value)
    if len(text) > limit:
        raise PydanticCustomError(
            "text_long", "is {length} characters long; at most {limit} fit here",
            {"length": f"{len(text):,}", "limit": limit})
    return text


def _long_text(value: Any) -> str:
    return _text(value, MAX_LONG_TEXT)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not richtext.visible(text):
        raise PydanticCustomError("text_empty", "must not be empty" if not text else
                                  "must not be empty (it holds only invisible characters)")
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
    return _parsed(value)


def _parsed(value: str) -> RichText:
    try:
        return richtext.parse(value)
    except richtext.MarkdownError as exc:
        raise PydanticCustomError("markdown", "{reason}; nest them less deeply (items below "
                                  "the ninth level are drawn at the ninth)",
                                  {"reason": str(exc)}) from None


def _with_short_form(value: dict[str, Any]) -> RichText:
    unknown = [key for key in value if key not in SHORT_FORM_KEYS]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), SHORT_FORM_KEYS, n=1)
        if len(value) == 1 and not close and isinstance(value[unknown[0]], str):  # "Note: …"
            raise PydanticCustomError(
                "text_with_colon", "the text '{key}: {rest}' holds \": \", which YAML reads "
                "as a key and its value", {"key": str(unknown[0])[:40],
                                           "rest": _clipped(str(value[unknown[0]]))})
        raise PydanticCustomError(
            "short_form_key", "unknown key '{key}' in a text with a short form{hint}",
            {"key": str(unknown[0])[:40], "hint": f"; did you mean '{close[0]}'?" if close else ""})
    if "text" not in value or value["text"] is None:
        raise PydanticCustomError("short_form_text", "a text with a short form needs 'text'")
    if not isinstance(value["text"], str):
        raise PydanticCustomError(
            "short_form_text", "'text' of a text with a short form must be text, found {found}",
            {"found": describe(value["text"])})
    if not value["text"].strip():
        raise PydanticCustomError("short_form_text", "'text' of a text with a short form "
                                  "must not be empty")
    slide = value.get("slide")
    if slide is not None and not isinstance(slide, str):
        raise PydanticCustomError("text_type", "expected text for 'slide', found {found}",
                                  {"found": describe(slide)})
    text = _parsed(value["text"])
    short = _parsed(slide) if slide else None
    return RichText(text.source, text.blocks, short or None)


def _clipped(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


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
    if not isinstance(value, str) or not re.fullmatch(LANGUAGE_PATTERN, value):
        raise PydanticCustomError("language", "'{value}' is not a language tag",
                                  {"value": str(value)[:40]})
    return value


def _audience(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = tuple(_required_text(item) for item in items)
    if not names:
        raise PydanticCustomError("audience_empty", "must name at least one audience")
    return names


_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"]}  # YAML scalars read as text
_REQUIRED: dict[str, Any] = {"anyOf": [{"type": "string", "pattern": "\\S",
                                        "maxLength": MAX_TEXT},
                                       {"type": ["number", "boolean"]}]}
_MARKDOWN: dict[str, Any] = {"anyOf": [
    _SCALAR, {"type": "null"},
    {"type": "object", "additionalProperties": False, "required": ["text"],
     "description": "The full text, and a short form for slides.",
     "properties": {"text": {"anyOf": [{"type": "string", "pattern": "\\S"},
                                       {"type": ["number", "boolean"]}],
                             "description": "The full text (Markdown)."},
                    "slide": {**_SCALAR, "description": "A short form shown on slides."}}}]}

Text = Annotated[str, PlainValidator(_text), WithJsonSchema({**_SCALAR, "maxLength": MAX_TEXT})]
LongText = Annotated[str, PlainValidator(_long_text), WithJsonSchema(
    {**_SCALAR, "maxLength": MAX_LONG_TEXT})]
RequiredText = Annotated[str, PlainValidator(_required_text), WithJsonSchema(_REQUIRED)]
Markdown = Annotated[RichText, PlainValidator(_markdown), WithJsonSchema(_MARKDOWN)]
Cell = Annotated[tuple[RichText, ...], PlainValidator(_markdown_list), WithJsonSchema(
    {"anyOf": [_MARKDOWN, {"type": "array", "items": _MARKDOWN}]})]
RoleId = Annotated[str, PlainValidator(_role_id), WithJsonSchema(
    {"type": "string", "pattern": ROLE_ID_PATTERN})]
Language = Annotated[str, PlainValidator(_language), WithJsonSchema(
    {"type": "string", "pattern": LANGUAGE_PATTERN})]
Audience = Annotated[tuple[str, ...], PlainValidator(_audience), WithJsonSchema(
    {"anyOf": [_REQUIRED, {"type": "array", "items": _REQUIRED, "minItems": 1}],
     "description": "Shown only with --audience NAME (or without --audience).",
     "examples": [["recruiter"]]})]

_EMPTY = RichText("", ())


def _doc(description: str, *examples: Any, **options: Any) -> Any:
    """A field's description and examples (for the JSON Schema editors use)."""
    return Field(description=description, examples=list(examples) or None, **options)


class Strict(BaseModel):
    """Base: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class TitledText(Strict):
    """A title with optional Markdown text: a responsibility or a career level."""

    title: RequiredText = _doc("The title.", "Product Strategy and Vision Development")
    text: Markdown = _doc("What it involves (Markdown).", default=_EMPTY)
    audience: Audience | None = None


class Career(Strict):
    """A role's career path."""

    levels: tuple[TitledText, ...] = _doc("Career levels, most junior first.", default=())
    notes: Markdown = _doc("Shown after the ladder (Markdown).", default=_EMPTY)


class Role(Strict):
    """One role of the guide."""

    id: RoleId = _doc("Unique id: lowercase letters, digits and hyphens.", "product-manager")
    name: RequiredText = _doc("The role's name.", "Product Manager")
    short: Text = _doc("A short label for narrow places (tables with 4+ roles).", "PM",
                       default="")
    summary: Markdown = _doc("Opens the role's chapter (Markdown).", default=_EMPTY)
    responsibilities: tuple[TitledText, ...] = _doc("Each with a title and a text.", default=())
    tasks: tuple[Markdown, ...] = _doc("Task examples (Markdown each).", default=())
    career: Career | None = _doc("The career path.", default=None)
    audience: Audience | None = None

    @property
    def label(self) -> str:
        """The short label when there is one, else the name."""
        return self.short or self.name


class Row(Strict):
    """One dimension of a comparison."""

    dimension: RequiredText = _doc("The first column.", "Scope and Objectives")
    cells: dict[str, Cell] = _doc("Role id to a Markdown text or a list of them (bullets); a "
                                  "role may be left out.", default_factory=dict)
    audience: Audience | None = None


class Comparison(Strict):
    """A side-by-side table of the roles."""

    title: RequiredText = _doc("The table's title (its own chapter).", "Key Differences")
    intro: Markdown = _doc("Before the table (Markdown).", default=_EMPTY)
    rows: tuple[Row, ...] = _doc("One row per dimension.", default=())
    notes: Markdown = _doc("After the table (Markdown).", default=_EMPTY)
    audience: Audience | None = None


class FaqEntry(Strict):
    """A frequently asked question."""

    question: RequiredText = _doc("The question.", "Do analysts need to code?")
    answer: Markdown = _doc("The answer (Markdown).", default=_EMPTY)
    audience: Audience | None = None


class Labels(Strict):
    """Words the outputs add around the content. Each is built in for the guide's language;
    give one here to use your own word instead."""

    contents: RequiredText | None = None
    agenda: RequiredText | None = None
    introduction: RequiredText | None = None
    comparisons: RequiredText | None = None
    roles: RequiredText | None = None
    summary: RequiredText | None = None
    responsibilities: RequiredText | None = None
    tasks: RequiredText | None = None
    career: RequiredText | None = None
    faq: RequiredText | None = None
    closing: RequiredText | None = None
    continued: RequiredText | None = None
    page: RequiredText | None = _doc("The page number line; {page} and {pages} are replaced.",
                                     "Strona {page} z {pages}", default=None)
    question: RequiredText | None = None
    answer: RequiredText | None = None

    @field_validator("page")
    @classmethod
    def _page_placeholders(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion
                      in string.Formatter().parse(value) if name is not None]
        except ValueError:
            fields = [("", "", "")]
        if any(name not in ("page", "pages") or spec or conversion
               for name, spec, conversion in fields):
            raise PydanticCustomError(
                "page_label", "may only use the placeholders {page} and {pages}")
        return value


class Guide(Strict):
    """A guidebuilder guide: roles described once, built into a PDF handbook and a deck."""

    title: RequiredText = _doc("The guide's title.", "Product Manager vs Program Manager")
    subtitle: Text = _doc("Shown under the title.", "Who Does What?", default="")
    summary: Markdown = _doc("The introduction, the first chapter (Markdown).", default=_EMPTY)
    credits: LongText = _doc("Shown on the cover and the title slide.", default="")
    version: Text = _doc("Shown on the cover's date line.", "Version 2", default="")
    date: Text = _doc("The date on the cover (default: the guide's last save).", default="")
    language: Language = _doc("Language tag of the text.", "en", "pl", "en-GB", default="en")
    labels: Labels = _doc("Your own words for those the outputs add (each is built in for the "
                          "guide's language).", default=Labels())
    roles: tuple[Role, ...] = _doc(f"1 to {MAX_ROLES} roles, in display order.", min_length=1,
                                   json_schema_extra={"maxItems": MAX_ROLES})
    comparisons: tuple[Comparison, ...] = _doc("Side-by-side tables.", default=())
    faq: tuple[FaqEntry, ...] = _doc("Frequently asked questions.", default=())
    closing: Markdown = _doc("The last chapter (Markdown).", default=_EMPTY)


def reference_problems(data: Any) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Cross-reference checks on raw guide data: duplicate role ids, cells naming unknown roles.

    Works on the raw mapping so these problems are reported together with structural ones.
    Returns ``(path, message, hint)`` triples.
    """
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list):
        return []
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    if len(data["roles"]) > MAX_ROLES:  # here, so that it is said with every other problem
        found.append((("roles",), f"needs at most {MAX_ROLES} item(s), found "
                      f"{len(data['roles'])}", f"a guide compares up to {MAX_ROLES} roles; "
                      "split it into two guides"))
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
