"""Where a word may be hyphenated, by the rules of its language (pyphen's, LibreOffice's
dictionaries): a narrow table column then breaks "Communi-cates", not "Communicat|es". Each
word's points are remembered in the cache: loading a language's rules takes a twentieth of a
second for English and half a second for German, the rest of a build a tenth."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from guidebuilder.cache import identity, keep, recall

Hyphenator = Callable[[str], list[tuple[str, str]]]
_PREFERRED = {"en": "en_US"}  # pyphen's "en" is British (and breaks "Troubleshoot-ing" only)
EDGE = 2  # the fewest letters a hyphen leaves on either side (pyphen, TeX: "o-pen" no)
_KNOWN: dict[tuple[str, bool], dict[str, list[int]]] = {}  # by rules, and whether remembered
_NEW: set[str] = set()  # the rules with points found, not yet remembered


@cache
def rules_for(tag: str) -> str:
    """pyphen's name of the rules for the language ``tag`` (``de-AT``: ``de_AT``; ``en``: US
    English), or "" when it has none (Hebrew, Arabic, Chinese…)."""
    import pyphen

    cleaned = tag.strip().replace("-", "_")
    cleaned = _PREFERRED.get(cleaned.lower(), cleaned)
    return (pyphen.language_fallback(cleaned) or "") if cleaned else ""


def hyphenator(tag: str, remembered: bool = True) -> Hyphenator | None:
    """The ways to hyphenate a word of language ``tag``, as reportlab asks for them: (head,
    tail) pairs, the longest head first; none where pyphen has no rules for the language
    (None for no language). Its rules are looked for when it is first asked (most builds
    never do). ``remembered``: points are read from the cache (and kept by :func:`remember`)."""
    if not tag.strip():
        return None

    def pairs(word: str) -> list[tuple[str, str]]:
        rules = rules_for(tag)
        if not rules:
            return []
        return [(word[:point], word[point:]) for point in reversed(points(rules, word, remembered))]

    return pairs


def points(rules: str, word: str, remembered: bool = True) -> list[int]:
    """Where ``word`` may be hyphenated by ``rules``: the lengths of its possible heads."""
    known = _KNOWN.get((rules, remembered))
    if known is None:
        known = _KNOWN[rules, remembered] = _recalled(rules) if remembered else {}
    found = known.get(word)
    if found is None:
        found = known[word] = _points(rules, word)
        if remembered:
            _NEW.add(rules)
    return found


def _points(rules: str, word: str) -> list[int]:
    """pyphen's points inside each part of a word joined by hyphens, and after each of its
    hyphens (pyphen itself puts some beside them: "Sel-f-Service")."""
    found: list[int] = []
    start = 0
    for part in word.split("-"):
        if start:
            found.append(start)
        found.extend(start + point for point in _dictionary(rules).positions(part)
                     if EDGE <= point <= len(part) - EDGE)
        start += len(part) + 1
    return [point for point in found if 0 < point < len(word)]


def remember() -> None:
    """Keep the points found since the last call for the next build."""
    for rules in sorted(_NEW):
        keep("hyphens", _key(rules), _KNOWN[rules, True])
    _NEW.clear()


def _key(rules: str) -> bytes:
    """What points are kept under: the rules, the version of pyphen (its dictionaries) and of
    this module (how it turns them into points), so that no build reads points another
    version would not find."""
    import importlib.util

    spec = importlib.util.find_spec("pyphen")  # found, not imported
    pyphen = identity(Path(spec.origin)) if spec and spec.origin else ()
    return repr((rules, pyphen, identity(Path(__file__)))).encode()


def _recalled(rules: str) -> dict[str, list[int]]:
    """The points kept in the cache, those that make sense (the cache is only a guess)."""
    found = recall("hyphens", _key(rules))
    if not isinstance(found, dict):
        return {}
    return {word: at for word, at in found.items() if isinstance(word, str) and isinstance(at, list)
            and all(type(point) is int and 0 < point < len(word) for point in at)}


@cache
def _dictionary(rules: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang=rules)
