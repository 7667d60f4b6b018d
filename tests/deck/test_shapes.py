"""Shapes written in one step are what python-pptx's public shape API makes (element for
element, attribute for attribute, id for id), and their text is the literal DrawingML expected,
read back the same through python-pptx. Nothing here is built with the deck's own writers."""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Pt

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.pptx_internals import SlideAdder
from guidebuilder.deck.presentation import design_for, open_presentation
from guidebuilder.deck.shapes import SlideShapes
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock

BOX = Box(36.5, 72.25, 300.1, 120.7)
LINK = "https://example.com/a?b=1&c=2"
BLOCKS = [TextBlock((Run("Plan the "), Run("roadmap", bold=True), Run(" & <ship>", italic=True),
                     Run("docs", link=LINK), Run("code", code=True)), 20.0),
          TextBlock((Run("second"),), 18.0, 14.0, 9.0, "•")]
INSETS = {"left": 7.2, "right": 7.2, "top": 3.6, "bottom": 3.6}  # the design's, in points
DEFAULT_INSETS = {"left": 91440, "right": 91440, "top": 45720, "bottom": 45720}  # OOXML's
_FILL = '<a:solidFill><a:srgbClr val="{}"/></a:solidFill>'
_FACE = '<a:latin typeface="{0}"/><a:cs typeface="{0}"/>'
_SPACING = ('<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="{}"/>'
            '</a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>')


def _slides() -> tuple[Any, Any, Any]:
    """The design, a slide for our shapes and a slide for python-pptx's."""
    prs = open_presentation(DEFAULT_BRAND)
    design = design_for(DEFAULT_BRAND, prs, [])
    adder = SlideAdder(prs)
    layout = prs.slide_layouts[6]
    return design, adder.add(layout), adder.add(layout)


def _xml(element: Any) -> str:
    """An element as XML without namespace declarations."""
    return re.sub(r' xmlns:\w+="[^"]+"', "", etree.tostring(element).decode())


def _frame(element: Any) -> str:
    """A shape without its paragraphs: what python-pptx's shape API is compared on."""
    element = copy.deepcopy(element)
    for paragraph in element.findall(".//{*}p"):
        paragraph.getparent().remove(paragraph)
    return _xml(element)


def _body(frame: Any, anchor: MSO_ANCHOR, pad: float = 0.0) -> None:
    """The text body's properties as the deck sets them, through python-pptx's API."""
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for name, inset in INSETS.items():
        if Pt(inset + pad) != DEFAULT_INSETS[name]:  # a default inset is left out
            setattr(frame, f"margin_{name}", Pt(inset + pad))
    frame.auto_size = MSO_AUTO_SIZE.NONE


@pytest.mark.parametrize(("run", "expected"), [
    (Run("plain"), '<a:rPr lang="en" sz="2000" b="0" i="0" cap="none" dirty="0">'
                   f'{_FILL.format("123456")}{_FACE.format("Georgia")}</a:rPr>'),
    (Run("bold", bold=True), '<a:rPr lang="en" sz="2000" b="1" i="0" cap="none" dirty="0">'
                             f'{_FILL.format("123456")}{_FACE.format("Georgia")}</a:rPr>'),
    (Run("it", italic=True), '<a:rPr lang="en" sz="2000" b="0" i="1" cap="none" dirty="0">'
                             f'{_FILL.format("123456")}{_FACE.format("Georgia")}</a:rPr>'),
    (Run("docs", link=LINK), '<a:rPr lang="en" sz="2000" b="0" i="0" cap="none" dirty="0">'
                             f'{_FILL.format("2C7FA2")}{_FACE.format("Georgia")}'
                             '<a:hlinkClick r:id="rId2"/></a:rPr>'),
    (Run("x = 1", code=True), '<a:rPr lang="en" sz="2000" b="0" i="0" cap="none" dirty="0">'
                              f'{_FILL.format("1F2933")}{_FACE.format("Courier New")}</a:rPr>'),
])
def test_runs_are_the_expected_drawingml(run: Run, expected: str) -> None:
    design, ours, _ = _slides()
    shape = SlideShapes(ours, design).textbox(BOX, [TextBlock((run,), 20.0)], "#123456", "A",
                                              "Georgia")
    assert [_xml(r) for r in shape.iter("{*}rPr")] == [expected]
    assert "".join(t.text for t in shape.iter("{*}t")) == run.text


def test_a_numbered_item_shows_its_whole_number_as_text() -> None:
    """Applications show one character of a bullet ("1" for "10."): a number is the text's
    first run, ended by the tab the hanging indent stops at."""
    design, ours, _ = _slides()
    blocks = [TextBlock((Run("ten"),), 18.0, 44.0, 0.0, "10.", hang=30.0),
              TextBlock((Run("dot"),), 18.0, 22.0, 0.0, "•")]
    shape = SlideShapes(ours, design).textbox(BOX, blocks, "#000000", "A")
    paragraphs = ["".join(t.text for t in p.iter("{*}t")) for p in shape.iter("{*}p")]
    assert paragraphs == ["10.\tten", "dot"]
    assert [len(list(p.iter("{*}buChar"))) for p in shape.iter("{*}p")] == [0, 1]
    mirrored = SlideShapes(ours, dataclasses.replace(design, rtl=True)).textbox(BOX, blocks[:1],
                                                                               "#000000", "B")
    assert "".join(t.text for t in mirrored.iter("{*}t")) == "10.\u00a0ten"  # gap from the right


@pytest.mark.parametrize(("block", "align", "expected"), [
    (TextBlock((Run("a"),), 20.0, space_before=9.0), "l",
     f'<a:pPr marL="0" indent="0" algn="l">{_SPACING.format(0)}<a:buNone/></a:pPr>'),
    (TextBlock((Run("a"),), 18.0, 14.0, 9.0, "•"), "ctr",
     f'<a:pPr marL="177800" indent="-279400" algn="ctr">{_SPACING.format(0)}'
     '<a:buFont typeface="Arial"/><a:buChar char="&#8226;"/></a:pPr>'),
    (TextBlock((Run("a"),), 18.0, 44.0, 5.4, "2.", hang=30.0), "r",
     f'<a:pPr marL="558800" indent="-381000" algn="r">{_SPACING.format(0)}'
     '<a:buNone/></a:pPr>'),  # the number is text (see the next test)
])
def test_paragraphs_are_the_expected_drawingml(block: TextBlock, align: str,
                                                expected: str) -> None:
    design, ours, _ = _slides()
    second = TextBlock((Run("b"),), 16.0, space_before=block.space_before)
    shape = SlideShapes(ours, design).textbox(BOX, [block, second], "#000000", "A", align=align)
    first, then = (_xml(p) for p in shape.iter("{*}pPr"))
    assert first == expected
    assert f'<a:spcPts val="{round(block.space_before * 100)}"/>' in then  # not on the first
    ends = [_xml(e) for e in shape.iter("{*}endParaRPr")]
    assert ends == [f'<a:endParaRPr lang="en" sz="{round(block.size * 100)}" dirty="0"/>',
                    '<a:endParaRPr lang="en" sz="1600" dirty="0"/>']


def test_text_reads_back_through_python_pptx() -> None:
    design, ours, _ = _slides()
    SlideShapes(ours, design).textbox(BOX, BLOCKS, "#123456", "A", "Georgia", "ctr")
    frame = ours.shapes[0].text_frame
    first, second = frame.paragraphs
    assert [r.text for r in first.runs] == ["Plan the ", "roadmap", " & <ship>", "docs", "code"]
    assert [(r.font.bold, r.font.italic) for r in first.runs][:3] == [
        (False, False), (True, False), (False, True)]
    assert {r.font.size for r in first.runs} == {Pt(20)} and second.runs[0].font.size == Pt(18)
    assert [r.font.name for r in first.runs] == ["Georgia"] * 4 + ["Courier New"]
    assert first.runs[0].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert first.runs[3].hyperlink.address == LINK
    assert first.alignment == PP_ALIGN.CENTER and second.space_before == Pt(9)
    assert first.line_spacing == 1.0


def test_the_slide_number_is_a_field() -> None:
    design, ours, _ = _slides()
    shape = SlideShapes(ours, design).number(BOX, 7, 10.0, "#777777")
    field = shape.find(".//{*}fld")
    assert field.get("type") == "slidenum" and field.findtext("{*}t") == "7"
    assert _xml(field.find("{*}rPr")) == (
        '<a:rPr lang="en" sz="1000" b="0" i="0" cap="none" dirty="0">'
        f'{_FILL.format("777777")}{_FACE.format("Arial")}</a:rPr>')
    assert ours.shapes[0].text_frame.text == "7" and ours.shapes[0].name == "Slide Number"


@pytest.mark.parametrize("anchor", [MSO_ANCHOR.TOP, MSO_ANCHOR.MIDDLE, MSO_ANCHOR.BOTTOM])
def test_a_textbox_is_what_python_pptx_makes(anchor: MSO_ANCHOR) -> None:
    design, ours, theirs = _slides()
    made = [SlideShapes(ours, design).textbox(BOX, BLOCKS, "#123456", f"Box {n}", "Georgia",
                                              anchor=anchor) for n in range(3)]
    expected = []
    for n in range(3):
        shape = theirs.shapes.add_textbox(*BOX.emu())
        shape.name = f"Box {n}"
        _body(shape.text_frame, anchor)
        expected.append(shape.element)
    assert [_frame(e) for e in made] == [_frame(e) for e in expected]
    assert [r.target_ref for r in ours.part.rels.values()][1:] == [LINK]  # related once


@pytest.mark.parametrize("rounding", [None, 0.04, 0.5])
@pytest.mark.parametrize("text", [False, True])
def test_a_filled_rectangle_is_what_python_pptx_makes(rounding: float | None,
                                                      text: bool) -> None:
    design, ours, theirs = _slides()
    made = SlideShapes(ours, design).rectangle(BOX.emu(), "#abcdef", "Card: x & y",
                                               BLOCKS if text else (), "#000000", "ctr",
                                               MSO_ANCHOR.TOP, 6.0, rounding)
    kind = MSO_SHAPE.RECTANGLE if rounding is None else MSO_SHAPE.ROUNDED_RECTANGLE
    shape = theirs.shapes.add_shape(kind, *BOX.emu())
    if rounding is not None:
        shape.adjustments[0] = rounding
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string("ABCDEF")
    shape.line.fill.background()
    shape.shadow.inherit = False
    shape.name = "Card: x & y"
    if text:
        _body(shape.text_frame, MSO_ANCHOR.TOP, pad=6.0)
        assert _frame(made) == _frame(shape.element)
    else:
        assert _xml(made) == _xml(shape.element)


def test_a_table_is_what_python_pptx_makes() -> None:
    design, ours, theirs = _slides()
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
        for c, (_, fill, _) in enumerate(row):
            cell = frame.table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))
            cell.margin_left = cell.margin_right = Pt(design.inset_x)
            cell.margin_top = cell.margin_bottom = Pt(design.inset_y)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            properties = cell._tc.get_or_add_tcPr()  # the rules: python-pptx has no API for them
            for index, side in enumerate(("lnL", "lnR", "lnT", "lnB")):
                properties.insert(index, parse_xml(
                    f'<a:{side} {nsdecls("a")} w="9525" cap="flat" cmpd="sng" algn="ctr">'
                    f'<a:solidFill><a:srgbClr val="{design.grid.lstrip("#").upper()}"/>'
                    f'</a:solidFill><a:prstDash val="solid"/></a:{side}>'))
    assert _frame(made) == _frame(frame.element)
    cells = [cell.text_frame for row in ours.shapes[0].table.rows for cell in row.cells]
    assert [c.text for c in cells][:3] == ["", "A", "B"] and cells[4].text == ""
    assert cells[3].paragraphs[1].runs[0].font.color.rgb == RGBColor.from_string("222222")


def test_ids_follow_pictures_and_shapes_go_behind(tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "red").save(tmp_path / "logo.png")
    design, ours, _ = _slides()
    shapes = SlideShapes(ours, design)
    first = shapes.textbox(BOX, BLOCKS, "#000000", "A")
    picture = shapes.picture(tmp_path / "logo.png", "alt", Box(0, 0, 40, 40))
    last = shapes.rectangle(BOX.emu(), "#FF0000", "B")
    shapes.to_back(last)
    ids = [int(s.shape_id) for s in ours.shapes]
    assert len(set(ids)) == 3 and first.find(".//{*}cNvPr").get("id") == "2"
    assert picture.shape_id == 3 and [s.name for s in ours.shapes] == ["B", "A", "Logo"]
    assert picture.element.find(".//{*}cNvPr").get("descr") == "alt"
    assert (picture.width, picture.height) == (Pt(40), Pt(20)) and picture.top == Pt(10)


@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_any_name_and_text_survive_as_written(text: str) -> None:
    from guidebuilder.guide.richtext import clean

    text = clean(text) or "x"
    design, ours, _ = _slides()
    shape = SlideShapes(ours, design).textbox(BOX, [TextBlock((Run(text),), 12.0)], "#000000",
                                              text)
    assert shape.find(".//{*}cNvPr").get("name") == text
    assert "".join(t.text or "" for t in shape.iter("{*}t")) == text


@given(st.floats(min_value=0, max_value=2000))
def test_points_become_emu_as_python_pptx_converts_them(points: float) -> None:
    from guidebuilder.deck.geometry import emu

    assert emu(points) == Pt(points)
