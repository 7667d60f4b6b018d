"""Turn pydantic validation errors into located, plain-words problems with a suggested fix."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from guidebuilder.errors import Problem
from guidebuilder.reading.located import Key, Located, format_path

_HINTS = {
    "missing": "add it",
    "list_type": "write a list, one item per line starting with '- '",
    "tuple_type": "write a list, one item per line starting with '- '",
    "dict_type": "write a mapping of 'key: value' lines",
    "model_type": "write a mapping of 'key: value' lines",
    "model_attributes_type": "write a mapping of 'key: value' lines",
    "text_type": "write plain text here",
    "text_empty": "write some text, or remove the key if it is optional",
    "short_form_key": "write the text as 'text:' and its short form for slides as 'slide:'",
    "text_with_colon": "put the whole text in quotes",
    "short_form_text": "add 'text:' with the full text (the handbook and speaker notes show it)",
    "language": "use a language tag such as en, pl, ru, el or en-GB",
    "text_long": "shorten it; longer text belongs in a summary or text field",
    "page_label": "write, for example, \"Page {page} of {pages}\"",
    "role_id": "use lowercase letters, digits and hyphens, starting with a letter or digit "
    "(e.g. product-manager)",
}


def problems_from(error: ValidationError, source: Located, model: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, in file order; a value that fits none of a field's
    alternatives is one problem naming them (never pydantic's names for them)."""
    problems: list[Problem] = []
    alternatives: dict[Key, list[str]] = {}
    for detail in error.errors():
        if _counts_invalid_items(detail):
            continue
        path: Key = tuple(detail["loc"])
        where = _in_source(source, path)
        if where != path and detail["type"] != "missing":  # the alternative pydantic tried
            alternatives.setdefault(where, []).append(str(path[len(where)]))
        else:
            problems.append(_problem(detail, source, model))
    for where, tried in alternatives.items():
        value = _value_at(source.data, where)
        wanted = " or ".join(dict.fromkeys(_kind_of(name) for name in tried))
        problems.append(located_problem(source, where, f"expected {wanted}, found "
                                        f"{describe(value, source.kinds.get(where))}",
                                        f"write {wanted} here"))
    return sorted(dict.fromkeys(problems), key=lambda p: (p.line or 0, p.column or 0))


def _in_source(source: Located, path: Key) -> Key:
    """The longest start of ``path`` that names a value written in the file."""
    for cut in range(len(path), 0, -1):
        if path[:cut] in source.values or path[:cut] in source.keys:
            return path[:cut]
    return path


def _value_at(data: Any, path: Key) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _kind_of(alternative: str) -> str:
    """pydantic's name of a union member ("str", "list[str]", a class name) in plain words."""
    if alternative.startswith(("list", "tuple")):
        return "a list"
    if alternative.startswith("dict"):
        return "a mapping"
    return {"str": "text", "int": "a number", "float": "a number",
            "bool": "true/false"}.get(alternative, "a mapping")


def _counts_invalid_items(detail: Any) -> bool:
    """pydantic reports a list as too short when its items fail; those items are reported."""
    value = detail.get("input")
    minimum = detail.get("ctx", {}).get("min_length", 0)
    return detail["type"] == "too_short" and isinstance(value, list) and len(value) >= minimum


def located_problem(source: Located, path: Key, message: str, hint: str, key: bool = False) -> Problem:
    """A problem at ``path`` in ``source``."""
    line, column = source.position(path, key=key)
    return Problem(source.file, message, line, column, format_path(path), hint)


def _problem(detail: Any, source: Located, model: type[BaseModel]) -> Problem:
    path: Key = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        allowed = _field_names(model, path[:-1])
        name = str(path[-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close else
                f"allowed keys: {', '.join(allowed)}" if allowed else "remove it")
        if " " in name.strip() and not close:  # the rest of a text, cut where YAML cut it
            return located_problem(
                source, path, f"'{name.strip()}' is read as a key: inside {{ }} a comma ends a "
                "text, and anywhere ': ' does", "put the whole text in quotes", key=True)
        return located_problem(source, path, f"unknown key '{name}'", hint, key=True)
    if kind == "missing":
        return located_problem(source, path, f"required key '{path[-1]}' is missing",
                               f"add '{path[-1]}:' here", key=True)
    if kind in ("too_short", "too_long"):
        context = detail.get("ctx", {})
        limit = context.get("min_length") if kind == "too_short" else context.get("max_length")
        what = "at least" if kind == "too_short" else "at most"
        return located_problem(source, path, f"needs {what} {limit} item(s), found "
                               f"{context.get('actual_length', len(value or []))}",
                               "add items" if kind == "too_short" else "remove items")
    message = detail["msg"]
    if kind in ("list_type", "tuple_type", "dict_type", "model_type", "model_attributes_type"):
        expected = "a list" if kind in ("list_type", "tuple_type") else "a mapping"
        message = f"expected {expected}, found {describe(value, source.kinds.get(path))}"
    return located_problem(source, path, message, _HINTS.get(kind, "fix the value"))


def describe(value: Any, kind: str | None = None) -> str:
    """What a YAML value is, in words: "a mapping", "a list", "an empty value", "a number (7)",
    "true/false (yes)", "a date (2024-05-01)" or "the text '…'"."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    text = str(value)
    shown = text[:40] + ("…" if len(text) > 40 else "")
    return f"{kind} ({shown})" if kind else f"the text '{shown}'"


def _field_names(model: type[BaseModel], path: Key) -> list[str]:
    """Keys allowed at ``path`` inside ``model`` (following fields, lists and optionals)."""
    current: Any = model
    mapping_key = False  # the part after a mapping field is one of its keys, not a field
    for part in path:
        if isinstance(part, int) or mapping_key:
            mapping_key = False
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        annotation = fields[part].annotation
        mapping_key = typing.get_origin(annotation) is dict
        current = _inner_model(annotation)
    fields = getattr(current, "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _inner_model(annotation: Any) -> Any:
    """The BaseModel class inside ``Optional[...]``, ``tuple[..., ...]`` and similar."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, tuple, list, dict):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
