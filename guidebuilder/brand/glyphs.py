"""Which characters a brand's fonts can draw (read from the fonts once, then cached)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from guidebuilder.brand.model import Brand
from guidebuilder.cache import derived, identity


def charset(path: Path) -> frozenset[int]:
    """The code points a font file maps to glyphs (kept in the cache as ranges: reading a
    font's character map costs more than the rest of a guide's checks)."""
    return _charset(path, identity(path))


@lru_cache(maxsize=16)
def _charset(path: Path, version: tuple[int, int, int, int]) -> frozenset[int]:
    """:func:`charset` of one version of the file (``version`` keys the memo only)."""
    data = path.read_bytes()
    try:
        stored = derived(data, "charset", ".txt", _charset_ranges).read_text("ascii")
    except OSError:  # no cache and no scratch folder either: read the map now
        stored = _charset_ranges(data).decode("ascii")
    codes: set[int] = set()
    for item in stored.split(",") if stored else ():
        first, _, last = item.partition("-")
        codes.update(range(int(first), int(last or first) + 1))
    return frozenset(codes)


def _charset_ranges(data: bytes) -> bytes:
    """A font's character map as ``first-last`` ranges of code points."""
    import io

    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(data), lazy=True, fontNumber=0) as font:
        codes = sorted(font["cmap"].getBestCmap() or {})
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges).encode("ascii")


def drawable(brand: Brand) -> frozenset[int]:
    """Code points both the body and the heading font of ``brand`` can draw."""
    return charset(brand.typography.base.file()) & charset(brand.typography.headings.file(bold=True))


def keep_drawable(text: str, codes: frozenset[int]) -> str:
    """``text`` without the characters the font cannot draw (whitespace is always kept)."""
    if codes.issuperset(map(ord, text)):
        return text
    return "".join(ch for ch in text if ord(ch) in codes or ch.isspace())


def font_pieces(text: str, codes: frozenset[int], fallbacks: Sequence[frozenset[int]],
                keep_missing: bool = True) -> list[tuple[int | None, str]]:
    """``text`` cut where its font changes: the brand's font (None) where ``codes`` has the
    character, else the first fallback (its index in ``fallbacks``, their code points) that
    has it; spaces and marks keep the font before them. A character no font has stays in the
    brand's font, or is left out."""
    pieces: list[tuple[int | None, str]] = []
    for ch in text:
        font: int | None
        if pieces and (ch.isspace() or unicodedata.category(ch) in ("Mn", "Me", "Cf")):
            font = pieces[-1][0]
        elif ord(ch) in codes or ch.isspace():
            font = None
        else:
            font = next((i for i, drawn in enumerate(fallbacks) if ord(ch) in drawn), None)
            if font is None and not keep_missing:
                continue
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + ch)
        else:
            pieces.append((font, ch))
    return pieces
