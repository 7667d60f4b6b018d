"""The words the outputs add around a guide's content, built in for each language
(labels.toml), chosen by the guide's language tag and overridden word by word by its
``labels``."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import fields
from datetime import date
from functools import cache
from pathlib import Path

from guidebuilder.cache import derived, identity, keep, recall
from guidebuilder.plan.document import Labels

FALLBACK = "en"
ALIASES = {"no": "nb", "iw": "he", "zh-hans": "zh", "zh-cn": "zh", "zh-sg": "zh", "ua": "uk"}
RIGHT_TO_LEFT = frozenset({"he", "ar"})
LIST_SEPARATORS = {"ar": "، ", "ja": "、", "zh": "、"}  # between a list's items; else ", "


@cache
def _words() -> dict[str, dict[str, str]]:
    """labels.toml as read, kept in the cache as JSON (reading the TOML took a tenth of the
    time from a guide to its plan; JSON reads ten times faster)."""
    source = (Path(__file__).parent / "labels.toml").read_bytes()
    try:
        readable = derived(source, "labels", ".json", _as_json).read_bytes()
    except OSError:  # no cache and no scratch folder either
        readable = _as_json(source)
    words: dict[str, dict[str, str]] = json.loads(readable)
    return words


def _as_json(toml: bytes) -> bytes:
    import tomllib

    return json.dumps(tomllib.loads(toml.decode("utf-8")), ensure_ascii=False).encode()


def list_separator(tag: str) -> str:
    """What separates the items of a list written in the language ``tag``."""
    return LIST_SEPARATORS.get(base_language(tag) or "", ", ")


def languages() -> tuple[str, ...]:
    """The language tags that have built-in words."""
    return tuple(_words())


def base_language(tag: str) -> str | None:
    """The built-in language a tag falls back to (``de-AT`` → ``de``, ``no`` → ``nb``), or None
    when there is none."""
    lowered = tag.strip().lower()
    for candidate in (lowered, lowered.split("-", 1)[0]):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in _words():
            return candidate
    return None


def closest_languages(tag: str) -> list[str]:
    """Known tags that look like ``tag``: the one a language's name names ("german",
    "Deutsch", "polski"), else tags close to it (a typo)."""
    lowered = tag.strip().lower()
    named = _named().get(lowered) or _named().get(lowered.split("(")[0].strip())
    return [named] if named else difflib.get_close_matches(lowered, languages(), n=3, cutoff=0.5)


_NAME_LINE = re.compile(r"^# ([^—\n]+?) — ([^.(\n]+)")
_TABLE_LINE = re.compile(r"^\[([a-z-]+)\]")


@cache
def _named() -> dict[str, str]:
    """Language names, English and native, in lower case, with their tags: read from the
    comment that heads each table of labels.toml (``# German — Deutsch.``)."""
    names: dict[str, str] = {}
    pending: list[str] = []
    for line in (Path(__file__).parent / "labels.toml").read_text(encoding="utf-8").splitlines():
        if found := _NAME_LINE.match(line):
            pending = [found[1].split("(")[0].strip().lower(), found[2].strip().lower()]
        elif (table := _TABLE_LINE.match(line)) and pending:
            names.update(dict.fromkeys(pending, table[1]))
            pending = []
    return names


def labels_for(tag: str, given: dict[str, str | None]) -> Labels:
    """The words for a guide in language ``tag`` (English when it has none), each replaced by
    the guide's own where ``given`` has one."""
    built_in = _words()[base_language(tag) or FALLBACK]
    return Labels(**{field.name: given.get(field.name) or built_in[field.name]
                     for field in fields(Labels)})


def long_date(day: date, tag: str) -> str:
    """``day`` as a reader of the language ``tag`` writes it in full ("December 5, 2026",
    "5. Dezember 2026", "5 grudnia 2026"), from CLDR's data (babel); ISO 8601 for a language
    CLDR does not know. Remembered in the cache, so that a build seldom loads babel."""
    import importlib.util

    spec = importlib.util.find_spec("babel")  # found, not imported
    key = repr((tag, day.isoformat(), identity(Path(spec.origin)) if spec and spec.origin
                else ())).encode()
    known = recall("date", key)
    if isinstance(known, str):
        return known
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        text = format_date(day, format="long", locale=Locale.parse(tag, sep="-"))
    except (UnknownLocaleError, ValueError):
        text = day.isoformat()
    keep("date", key, text)
    return text
