"""Lengths and rectangles: points inside the deck, EMU only where python-pptx and its XML
take them, converted one way (python-pptx's ``Pt``, which truncates) and back."""

from __future__ import annotations

from dataclasses import dataclass

from pptx.util import Emu, Length, Pt


def emu(points: float) -> Length:
    """``points`` as EMU, the deck's one conversion (truncated, as python-pptx's ``Pt``)."""
    return Pt(points)


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

    def emu(self) -> tuple[Length, Length, Length, Length]:
        return emu(self.left), emu(self.top), emu(self.width), emu(self.height)
