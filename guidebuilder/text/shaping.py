"""Widths of shaped text (Arabic joining, ligatures, marks) from HarfBuzz, the engine the
handbook draws with; imported only to measure right-to-left text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb

from guidebuilder.text.direction import first_strong_rtl


@lru_cache(maxsize=32)
def _font(path: Path, version: tuple[int, int, int, int]) -> tuple[Any, int]:
    """A HarfBuzz font on one version of a font file, and its units per em."""
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return hb.Font(face), face.upem


def shaped_length(path: Path, version: tuple[int, int, int, int], text: str, size: float) -> float:
    """The advance of ``text`` set in the font file at ``path`` at ``size`` (pixels or points),
    shaped in the direction of its first strong character."""
    font, upem = _font(path, version)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if first_strong_rtl(text) else "ltr"
    hb.shape(font, buffer, {"kern": True, "liga": True})
    advance: int = sum(position.x_advance for position in buffer.glyph_positions)
    return advance * size / upem
