"""Shapes written as XML are exactly what python-pptx's shape API, with the same text written
into its frames, makes: element for element, attribute for attribute, id for id."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.deck.design import Box, design_for, open_presentation
from guidebuilder.deck.pptx_internals import SlideAdder
from guidebuilder.deck.shapes import SlideShapes
from guidebuilder.deck.text import prepare_frame, write_blocks
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock

BOX = Box(36.5, 72.25, 300.1, 120.7)
BLOCKS = [TextBlock((Run("Plan the "), Run("roadmap", bold=True), Run(" & <ship>", italic=True),
                     Run("docs", link="https://example.com/a?b=1&c=2"), Run("code", code=True)),
                    20.0),
          TextBlock((Run("second"),), 18.0, 14.0, 9.0, "•")]


def _two_slides() -> tuple[Any, Any, Any]:
    prs = open_presentation(DEFAULT_BRAND)
    design = design_for(DEFAULT_BRAND, prs)
    adder = SlideAdder(prs)
    layout = prs.slide_layouts[6]
    return design, adder.add(layout), adder.add(layout)


def _xml(element: Any) -> bytes:
    return etree.tostring(element)


def _pptx_fill(shape: Any, hex_color: str) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(hex_color.lstrip("#"))
    shape.line.fill.background()
    shape.shadow.inherit = False


@pytest.mark.parametrize("anchor", [MSO_ANCHOR.TOP, MSO_ANCHOR.MIDDLE, MSO_ANCHOR.BOTTOM])
@pytest.mark.parametrize("align", ["l", "ctr", "r"])
def test_a_textbox_is_what_python_pptx_makes(anchor, align) -> None:
    design, ours, theirs = _two_slides()
    made = [SlideShapes(ours, design).textbox(BOX, BLOCKS, "#123456", f"Box {n}", "Georgia",
                                              align, anchor) for n in range(3)]
    expected = []
    for n in range(3):
        shape = theirs.shapes.add_textbox(*BOX.emu())
        shape.name = f"Box {n}"
        prepare_frame(shape.text_frame, design, anchor)
        write_blocks(shape.text_frame, BLOCKS, design, "#123456", "Georgia", align)
        expected.append(shape.element)
    assert [_xml(e) for e in made] == [_xml(e) for e in expected]
    assert [r.target_ref for r in ours.part.rels.values()] == \
        [r.target_ref for r in theirs.part.rels.values()]  # the link, related once per run


@pytest.mark.parametrize("rounding", [None, 0.04, 0.5])
@pytest.mark.parametrize("text", [False, True])
def test_a_filled_rectangle_is_what_python_pptx_makes(rounding, text: bool) -> None:
    design, ours, theirs = _two_slides()
    blocks = BLOCKS if text else ()
    made = SlideShapes(ours, design).rectangle(BOX.emu(), "#abcdef", "Card: x & y", blocks,
                                               "#000000", "ctr", MSO_ANCHOR.TOP, 6.0, rounding)
    kind = MSO_SHAPE.RECTANGLE if rounding is None else MSO_SHAPE.ROUNDED_RECTANGLE
    shape = theirs.shapes.add_shape(kind, *BOX.emu())
    if rounding is not None:
        shape.adjustments[0] = rounding
    _pptx_fill(shape, "#ABCDEF")
    shape.name = "Card: x & y"
    if text:
        prepare_frame(shape.text_frame, design, MSO_ANCHOR.TOP, pad=6.0)
        write_blocks(shape.text_frame, BLOCKS, design, "#000000", align="ctr")
    assert _xml(made) == _xml(shape.element)


def test_a_table_is_what_python_pptx_makes() -> None:
    design, ours, theirs = _two_slides()
    widths, heights = [100.3, 200.7, 150.1], [30.2, 80.9]
    rows = [[([TextBlock((Run(""),), 14.0)], "#1F4E79", "#FFFFFF"),
             ([TextBlock((Run("A"),), 14.0)], "#1F4E79", "#FFFFFF"),
             ([TextBlock((Run("B"),), 14.0)], "#1F4E79", "#FFFFFF")],
            [(BLOCKS, "#FFFFFF", "#222222"), ([], "#FFFFFF", "#222222"),
             (BLOCKS[:1], "#FFFFFF", "#222222")]]
    made = SlideShapes(ours, design).table("Comparison table", 36.5, 90.25, widths, heights, rows)
    frame = theirs.shapes.add_table(2, 3, Pt(36.5), Pt(90.25), Pt(sum(widths)), Pt(sum(heights)))
    frame.name = "Comparison table"
    for index, width in enumerate(widths):
        frame.table.columns[index].width = Pt(width)
    for index, height in enumerate(heights):
        frame.table.rows[index].height = Pt(height)
    for r, row in enumerate(rows):
        for c, (blocks, fill, ink) in enumerate(row):
            cell = frame.table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))
            cell.margin_left = cell.margin_right = Pt(design.inset_x)
            cell.margin_top = cell.margin_bottom = Pt(design.inset_y)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            write_blocks(cell.text_frame, blocks, design, ink)
    assert _xml(made) == _xml(frame.element)


def test_ids_follow_pictures_and_shapes_go_behind(tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "red").save(tmp_path / "logo.png")
    design, ours, _ = _two_slides()
    shapes = SlideShapes(ours, design)
    first = shapes.textbox(BOX, BLOCKS, "#000000", "A")
    picture = shapes.picture(tmp_path / "logo.png", "alt", Box(0, 0, 40, 40))
    last = shapes.rectangle(BOX.emu(), "#FF0000", "B")
    shapes.to_back(last)
    ids = [int(s.shape_id) for s in ours.shapes]
    assert len(set(ids)) == 3 and first.find(".//{*}cNvPr").get("id") == "2"
    assert picture.shape_id == 3 and [s.name for s in ours.shapes] == ["B", "A", "Logo"]


@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_any_name_and_text_survive_as_written(text: str) -> None:
    from guidebuilder.guide.richtext import clean

    text = clean(text) or "x"
    design, ours, _ = _two_slides()
    shape = SlideShapes(ours, design).textbox(BOX, [TextBlock((Run(text),), 12.0)], "#000000",
                                              text)
    assert shape.find(".//{*}cNvPr").get("name") == text
    assert "".join(t.text or "" for t in shape.iter("{*}t")) == text
