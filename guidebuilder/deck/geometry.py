"""Lengths and boxes: points inside the deck, one conversion to python-pptx's EMU."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.util import Emu

EMU_PER_POINT = 12700


def emu(points: float) -> int:
    """``points`` as EMU, the deck's one conversion: truncated, as python-pptx's ``Pt`` (without
    its object: this runs for every box, inset and indent)."""
    return int(points * EMU_PER_POINT)


def points(length: int) -> float:
    """An EMU length (a template's placeholder) in points."""
    return float(Emu(length).pt)


@dataclass(frozen=True)
class Box:
    """A rectangle in points."""

    left: float
    top: float
    width: float
    height: float

    def emu(self) -> tuple[int, int, int, int]:
        return emu(self.left), emu(self.top), emu(self.width), emu(self.height)
