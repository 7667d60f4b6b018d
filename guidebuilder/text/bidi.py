"""Right-to-left text (Unicode bidi, UAX #9): which text needs it, embedding levels for a
paragraph, and the visual order of one line. Both renderers use it; python-bidi is imported
only when a text has right-to-left characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, and the
# right-to-left ranges of the supplementary planes: a cheap test that a text needs bidi at all
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                            "\U0001e800-\U0001efff]")
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps",
                           "sd", "syr", "ug", "ur", "yi"})
# the locale a deck's runs name for a language given without a region (PowerPoint's spelling
# checker and its choice of complex-script font follow it)
LOCALES = {"he": "he-IL", "iw": "he-IL", "ar": "ar-SA", "fa": "fa-IR", "ur": "ur-PK",
           "yi": "yi-001"}
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (and so needs reordering)."""
    return _RIGHT_TO_LEFT.search(text) is not None


def is_rtl_language(tag: str) -> bool:
    """Whether a BCP 47 language tag names a language written right to left (he, ar-EG…)."""
    lowered = tag.lower().replace("_", "-")
    return lowered.split("-")[0] in RTL_LANGUAGES or lowered in RTL_LANGUAGES


def locale(tag: str) -> str:
    """``tag`` with a region when it names a right-to-left language without one (he → he-IL);
    any other tag as it is."""
    return LOCALES.get(tag.lower(), tag)


def first_strong_rtl(text: str) -> bool | None:
    """The direction of ``text``'s first strong character (UAX #9 P2/P3): True for
    right-to-left, False for left-to-right, None when it has none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


@lru_cache(maxsize=4096)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """The resolved embedding level of each character of the paragraph ``text`` with base
    direction ``rtl`` (rules up to I2, bracket pairs included): python-bidi's (the Rust
    ``unicode-bidi`` crate), read from its debug description, which has one level per UTF-8
    byte of the text. Guide text holds no explicit embeddings (they are cleaned out)."""
    if not text:
        return ()
    from bidi import get_display

    dump = get_display(text, base_dir="R" if rtl else "L", debug=True)
    section = dump[dump.index("levels:"):dump.index("paragraphs:")]
    per_byte = [int(level) for level in _LEVEL.findall(section)]
    out, byte = [], 0
    for ch in text:
        out.append(per_byte[byte])
        byte += len(ch.encode("utf-8"))
    return tuple(out)


def line_levels(line_levels_: Sequence[int], text: str, base: int) -> list[int]:
    """A line's levels after rule L1: whitespace at its end, and before a tab, at the base level."""
    result = list(line_levels_)
    index = len(text) - 1
    while index >= 0 and text[index].isspace():
        result[index] = base
        index -= 1
    for position, ch in enumerate(text):
        if ch == "\t":
            result[position] = base
            back = position - 1
            while back >= 0 and text[back].isspace():
                result[back] = base
                back -= 1
    return result


def visual_order(levels_: Sequence[int]) -> list[int]:
    """Rule L2 for one line whose L1 levels are ``levels_``: the logical indices in visual
    (left-to-right) order, every run at level k or higher reversed, from the highest level down
    to the lowest odd one."""
    order = list(range(len(levels_)))
    if not order:
        return order
    lowest_odd = min(levels_) | 1
    for level in range(max(levels_), lowest_odd - 1, -1):
        start = 0
        while start < len(order):
            if levels_[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels_[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end
    return order


def visual_runs(text: str, levels_: Sequence[int], owners: Sequence[int],
                base: int) -> list[tuple[int, int, int]]:
    """One line as runs (start, end, level) in visual order: maximal logical ranges of one
    owner (a fragment, a font) and one level after L1; each run's characters stay contiguous."""
    resolved = line_levels(levels_, text, base)
    runs: list[tuple[int, int, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or owners[index] != owners[start] or resolved[index] != resolved[start]:
            runs.append((start, index, resolved[start]))
            start = index
    position = {logical: visual for visual, logical in enumerate(visual_order(resolved))}
    return sorted(runs, key=lambda run: position[run[0]])


def display(text: str, rtl: bool) -> str:
    """``text`` as one line in visual order, brackets mirrored in right-to-left runs (for
    texts drawn without shaping: list numbers)."""
    base = int(rtl)
    resolved = line_levels(levels(text, rtl), text, base)
    out = []
    for index in visual_order(resolved):
        ch = text[index]
        out.append(_MIRRORED.get(ch, ch) if resolved[index] % 2 else ch)
    return "".join(out)


_MIRRORED = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
             "«": "»", "»": "«"}
