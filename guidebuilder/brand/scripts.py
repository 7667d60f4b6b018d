"""Whether the brand's fonts can show a guide's text: one warning per missing character (or
per script), and a refusal when the handbook would look empty."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from guidebuilder.brand.glyphs import drawable
from guidebuilder.brand.model import Brand
from guidebuilder.errors import ContentError, Problem
from guidebuilder.guide.richtext import clean
from guidebuilder.reading.located import Key, Located, format_path

SCRIPT_SUMMARY = 4  # distinct missing characters of one script from which one line sums them up


def missing_glyph_warnings(source: Located, brand: Brand) -> list[Problem]:
    """Characters the brand's fonts cannot draw: one warning per character at its first place
    in the guide, or one per script when a script has several. Raises when the PDF would
    show most of the text missing."""
    codes = drawable(brand).union(*(f.codes for f in brand.typography.fallbacks or ()))
    none = " and no installed font has them" if brand.typography.fallbacks is not None else ""
    first: dict[str, tuple[Key, int]] = {}
    shown = 0
    for path, text in strings(source.data, ()):
        shown += len(text) - sum(map(str.isspace, text))
        unusual = {ch for ch in set(text) if ord(ch) not in codes}
        for ch in sorted(unusual, key=text.index):  # only these need a closer look
            if ch.isspace() or not clean(ch):  # spaces, and what cleaning drops anyway
                continue
            where, count = first.get(ch, (path, 0))
            first[ch] = (where, count + text.count(ch))
    font = f"{brand.typography.base.family} ({brand.typography.base.file().name})"
    missing = sum(count for _, count in first.values())
    if shown and missing * 2 > shown:
        ch, (path, _) = next(iter(first.items()))
        line, column = source.find(ch, path)
        raise ContentError(Problem(
            source.file, f"the font {font} cannot draw most of this guide ({missing:,} of "
                         f"{shown:,} characters, {_script(ch)} among them); the handbook would "
                         "look empty", line, column, format_path(path),
            "set a brand font that covers the guide's script (typography.fonts, source: file)"))
    by_script: dict[str, list[str]] = {}
    for ch in first:
        by_script.setdefault(_script(ch), []).append(ch)
    warnings = []
    for script, chars in by_script.items():
        if len(chars) >= SCRIPT_SUMMARY:
            path = first[chars[0]][0]
            line, column = source.find(chars[0], path)
            count = sum(first[ch][1] for ch in chars)
            warnings.append(Problem(source.file, f"the font {font} has no glyphs for {script} "
                                    f"text ({len(chars)} different characters, used {count:,} "
                                    f"times){none}; they are left out of the PDF (the deck keeps them "
                                    "for PowerPoint's font fallback)", line, column,
                                    format_path(path), "set a brand font that covers them"))
            continue
        for ch in chars:
            path, count = first[ch]
            line, column = source.find(ch, path)
            name = unicodedata.name(ch, "unnamed character")
            more = f" (used {count} times)" if count > 1 else ""
            warnings.append(Problem(source.file, f"the font {font} has no glyph for "
                                    f"U+{ord(ch):04X} {name}{more}{none.replace('them', 'it')}; it "
                                    "is left out of the PDF (the deck keeps it for PowerPoint's "
                                    "font fallback)",
                                    line, column, format_path(path)))
    return warnings


def _script(ch: str) -> str:
    """The script a character belongs to, from its Unicode name (CJK, HEBREW, …)."""
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else f"U+{ord(ch):04X}"


def strings(value: Any, path: Key) -> Iterator[tuple[Key, str]]:
    """Every text of a loaded YAML value, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))
