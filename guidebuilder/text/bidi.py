"""The Unicode bidirectional algorithm (UAX #9) for right-to-left text: embedding levels for a
paragraph, and the visual order of one line. Both renderers use it, only for text that
``text.direction`` says needs it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_LEVEL = r"Level\(\s*(\d+),?\s*\)"  # a level in python-bidi's debug description


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
    per_byte = [int(level) for level in re.findall(_LEVEL, section)]
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
