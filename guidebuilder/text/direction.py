"""Which way text runs: whether a text has right-to-left letters, whether a language is written
right to left, and the locale a deck names for it. Cheap checks, made for every text."""

from __future__ import annotations

import unicodedata

RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps",
                           "sd", "syr", "ug", "ur", "yi"})
# the locale a deck's runs name for a language given without a region (PowerPoint's spelling
# checker and its choice of complex-script font follow it)
LOCALES = {"he": "he-IL", "iw": "he-IL", "ar": "ar-SA", "fa": "fa-IR", "ur": "ur-PK",
           "yi": "yi-001"}


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (and so needs reordering). Cheap for
    text below U+0590, where no right-to-left script begins."""
    if not text or max(text) < "\u0590":
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ch >= "\u0590")


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
