"""Reading right-to-left PDFs back as a reader's software does (poppler): text in logical order,
and each line's glyphs in the visual order UAX #9 gives its logical text."""

from __future__ import annotations

import bisect
import re
import subprocess
import unicodedata
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from bidi import get_display

from conftest import require_tool

EMBEDDINGS = dict.fromkeys(range(0x202A, 0x202F))  # LRE, RLE, PDF, LRO, RLO: poppler adds them


def logical_text(pdf: Path, *options: str) -> str:
    """``pdftotext``'s reading of ``pdf`` (poppler rebuilds the logical order), without the
    embedding marks it puts around runs, in NFKC (Arabic presentation forms as letters)."""
    out = subprocess.run([require_tool("pdftotext"), *options, str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out.translate(EMBEDDINGS))


def letters(text: str) -> str:
    """Letters and digits only: no marks, spaces or punctuation (so neither bracket mirroring
    nor poppler's word splitting matters)."""
    return "".join(ch for ch in text if ch.isalnum() and unicodedata.category(ch) != "Mn")


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _visual_letters(glyphs: str) -> str:
    """Glyphs in drawing order as letters in visual order (a lam-alef ligature expands under
    NFKC in logical order: reversed for its place in visual text)."""
    out = []
    for ch in glyphs:
        expanded = unicodedata.normalize("NFKC", ch)
        out.append(expanded[::-1] if is_rtl(expanded) else expanded)
    return letters("".join(out))


def bbox_lines(pdf: Path) -> list[tuple[int, list[tuple[float, float, str]]]]:
    """Each text line poppler finds: its page and words (xMin, xMax, glyphs in drawing order)."""
    html = subprocess.run([require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = []
    page = 0
    for block in re.split(r"(<page |<line)", html):
        if block.startswith("width="):
            page += 1
        words = re.findall(r'<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', block)
        if words:
            lines.append((page, sorted((float(a), float(b), unescape(w)) for a, b, w in words)))
    return lines


def guide_texts(guide: Path, labels: dict[str, str]) -> list[str]:
    """The texts of a guide (Markdown markers taken out) and of its labels, logical order; list
    items also with their number in front."""
    texts: list[str] = list(labels.values())

    def collect(value: Any) -> None:
        if isinstance(value, str):
            for line in value.split("\n\n") + value.splitlines():
                plain = re.sub(r"\*\*|`|\[([^\]]*)\]\([^)]*\)", r"\1", line).strip()
                texts.append(re.sub(r"^(\d+)\. ", r"\1. ", plain))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(yaml.safe_load(guide.read_text(encoding="utf-8")))
    texts += [f"{number}. {text}" for number in range(1, 10) for text in list(texts)]
    return [" ".join(text.split()) for text in texts if text]


def _logical_line(visual: str, texts: list[str]) -> str | None:
    """The stretch of whole words of a known text with the same letters as ``visual``."""
    want, count = sorted(visual), len(visual)
    for text in texts:
        text = unicodedata.normalize("NFKC", text)
        starts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
        ends = [m.start() for m in re.finditer(r"\s+", text)] + [len(text)]
        before = [0]
        for ch in text:
            before.append(before[-1] + (len(letters(ch)) > 0))
        end_counts = [before[end] for end in ends]
        for start in starts:
            index = bisect.bisect_left(end_counts, before[start] + count)
            while index < len(ends) and end_counts[index] == before[start] + count:
                if ends[index] > start and sorted(letters(text[start:ends[index]])) == want:
                    return text[start:ends[index]]
                index += 1
    return None


def visual_order_report(pdf: Path, texts: list[str]) -> tuple[int, list[str]]:
    """How many right-to-left lines of ``pdf`` that come from ``texts`` were checked, and the
    wrong ones: a line's letters, in the order its glyphs stand from left to right, must be
    python-bidi's visual order of its logical text (right-to-left paragraphs)."""
    checked, wrong = 0, []
    for page, words in bbox_lines(pdf):
        actual = "".join(_visual_letters(glyphs) for _, _, glyphs in words)
        drawn = "".join(glyphs for _, _, glyphs in words)
        if not actual or not is_rtl(drawn) or "...." in drawn:  # contents lines: their own check
            continue
        logical = _logical_line(actual, texts)
        if logical is None:
            continue
        checked += 1
        expected = letters(get_display(unicodedata.normalize("NFKC", logical), base_dir="R"))
        if expected != actual:
            wrong.append(f"page {page}: {logical!r} drawn as {actual!r}, expected {expected!r}")
    return checked, wrong
