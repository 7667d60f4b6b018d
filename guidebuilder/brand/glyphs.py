"""Which characters a font can draw: warnings that name the character and where it is used."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from guidebuilder.brand.model import Brand
from guidebuilder.errors import Problem
from guidebuilder.reading.located import Key, Located, format_path


@lru_cache(maxsize=16)
def charset(path: Path) -> frozenset[int]:
    """The code points a font file maps to glyphs."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        return frozenset(font["cmap"].getBestCmap() or {})


def drawable(brand: Brand) -> frozenset[int]:
    """Code points both the body and the heading font of ``brand`` can draw."""
    return charset(brand.base.file()) & charset(brand.headings.file(bold=True))


def keep_drawable(text: str, codes: frozenset[int]) -> str:
    """``text`` without the characters the font cannot draw (whitespace is always kept)."""
    if all(ord(ch) in codes or ch.isspace() for ch in text):
        return text
    return "".join(ch for ch in text if ord(ch) in codes or ch.isspace())


def missing_glyph_warnings(source: Located, brand: Brand) -> list[Problem]:
    """One warning per character the brand's fonts lack, at its first place in the guide."""
    codes = drawable(brand)
    first: dict[str, tuple[Key, int]] = {}
    for path, text in _strings(source.data, ()):
        for ch in text:
            if ord(ch) not in codes and not ch.isspace() and ch not in "\t\n":
                where, count = first.get(ch, (path, 0))
                first[ch] = (where, count + 1)
    warnings = []
    for ch, (path, count) in first.items():
        line, column = source.find(ch, path)
        name = unicodedata.name(ch, "unnamed character")
        more = f" (used {count} times)" if count > 1 else ""
        font = f"{brand.base.family} ({brand.base.file().name})"
        warnings.append(Problem(source.file, f"the font {font} has no glyph for U+{ord(ch):04X} "
                                f"{name}{more}; it is left out of the PDF (the deck keeps it for "
                                "PowerPoint's font fallback)", line, column, format_path(path)))
    return warnings


def _strings(value: Any, path: Key) -> Iterator[tuple[Key, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
