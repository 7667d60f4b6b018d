"""Reading a deck back as a viewer would: text that overflows its box, and what each slide
shows (words, type sizes) for the presenter-deck limits."""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import NUMBER_TAB, TextBlock, blocks_height
from guidebuilder.text.measure import Measurer

PT = 12700
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
FURNITURE = ("Footer", "Slide Number")


def _blocks(frame) -> list[TextBlock]:
    blocks = []
    for paragraph in frame.paragraphs:
        runs = tuple(Run(r.text, bold=bool(r.font.bold)) for r in paragraph.runs)
        if runs and re.fullmatch(r"\d+\.[\t\u00a0]", runs[0].text):  # a list item's number
            runs = (Run(runs[0].text[:-1] + NUMBER_TAB), *runs[1:])  # measured as the deck is
        sizes = [int(rpr.get("sz")) / 100 for rpr in paragraph._p.iter(f"{A}rPr") if rpr.get("sz")]
        fields = paragraph._p.findall(f"{A}fld")
        size = max(sizes, default=18.0)
        ppr = paragraph._p.pPr
        indent = int(ppr.get("marL", "0")) / PT if ppr is not None else 0.0
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        blocks.append(TextBlock(runs or (Run("0" * len(fields)),), size, indent, before))
    return blocks


CELL_MARGINS = {"lIns": "marL", "rIns": "marR", "tIns": "marT", "bIns": "marB"}


class _CellFrame:
    """A table cell seen as a text frame: its paragraphs and its own insets."""

    def __init__(self, cell) -> None:
        self.paragraphs = cell.text_frame.paragraphs
        self._properties = cell._tc.tcPr

    def get(self, name: str) -> str | None:
        return None if self._properties is None else self._properties.get(CELL_MARGINS[name])


def _margin(frame, side: str) -> float:
    """A text frame's or table cell's inset in points, as written in its XML."""
    element = frame._txBody.bodyPr if hasattr(frame, "_txBody") else frame
    default = {"l": 7.2, "r": 7.2, "t": 3.6, "b": 3.6}[side]
    value = element.get(f"{side}Ins") if hasattr(element, "get") else None
    return int(value) / PT if value is not None else default


def overflows(deck: Path, brand: Path | None = None, measurer: Measurer | None = None) -> list[str]:
    """Every text frame and table cell whose text, measured in the brand's fonts (or with
    ``measurer``), is taller than its box."""
    from guidebuilder.brand.locate import load_brand

    fonts = load_brand(brand)[0] if brand else DEFAULT_BRAND
    measurer = measurer or Measurer(fonts.typography.base, fonts.typography.mono)
    found = []
    for number, slide in enumerate(Presentation(deck).slides, start=1):
        for shape in slide.shapes:
            frames = [(shape.text_frame, shape.width, shape.height)] if shape.has_text_frame else []
            if shape.has_table:
                table = shape.table
                frames += [(_CellFrame(table.cell(r, c)), table.columns[c].width,
                            table.rows[r].height)
                           for r in range(len(table.rows)) for c in range(len(table.columns))]
            for frame, width, height in frames:
                inner_width = Emu(width).pt - _margin(frame, "l") - _margin(frame, "r")
                need = (blocks_height(measurer, _blocks(frame), inner_width)
                        + _margin(frame, "t") + _margin(frame, "b"))
                if need > Emu(height).pt + 0.5:
                    found.append(f"slide {number} {shape.name}: {need:.0f} > {Emu(height).pt:.0f}")
    return found




def slide_words(slide) -> tuple[int, list[float]]:
    """The words a viewer sees on a slide below its title (furniture left out), and the sizes of
    the type they are set in."""
    words, sizes = 0, []
    for shape in slide.shapes:
        if shape.name in FURNITURE or shape == slide.shapes.title:
            continue
        frames = [shape.text_frame] if shape.has_text_frame else []
        if shape.has_table:
            frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        for frame in frames:
            for paragraph in frame.paragraphs:
                text = "".join(run.text for run in paragraph.runs)
                words += len(text.split())
                sizes += [run.font.size.pt for run in paragraph.runs
                          if run.font.size and run.text.strip()]
    return words, sizes


def is_divider(slide) -> bool:
    return any(shape.name == "Accent" for shape in slide.shapes)
