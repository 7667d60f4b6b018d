"""Write measured text into python-pptx text frames with every property set explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from guidebuilder.deck.design import Box, Design
from guidebuilder.measure import TextBlock, line_height
from guidebuilder.richtext import Run

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def color(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def prepare_frame(frame: Any, design: Design, anchor: Any = MSO_ANCHOR.TOP) -> None:
    """Word wrap on, no autofit, explicit insets: the box is exactly what we measured."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Pt(design.inset_x)
    frame.margin_top = frame.margin_bottom = Pt(design.inset_y)


def write_blocks(frame: Any, blocks: Sequence[TextBlock], design: Design, ink: str,
                 family: str | None = None, align: Any = PP_ALIGN.LEFT) -> None:
    """Replace the frame's text with ``blocks``."""
    frame.clear()
    for index, block in enumerate(blocks):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(0 if index == 0 else block.space_before)
        paragraph.space_after = Pt(0)
        _indent(paragraph, block, design)
        for run in block.runs:
            _add_run(paragraph, run, block.size, design, ink, family)
        if not block.runs:
            paragraph.font.size = Pt(block.size)


def _indent(paragraph: Any, block: TextBlock, design: Design) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(int(Pt(block.indent))))
    ppr.set("indent", str(int(Pt(-design.bullet_indent))) if block.bullet else "0")
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if block.bullet:
        font = etree.SubElement(ppr, qn("a:buFont"))
        font.set("typeface", design.brand.base.family)
        bullet = etree.SubElement(ppr, qn("a:buChar"))
        bullet.set("char", block.bullet)
    else:
        etree.SubElement(ppr, qn("a:buNone"))


def _add_run(paragraph: Any, run: Run, size: float, design: Design, ink: str,
             family: str | None) -> None:
    text_run = paragraph.add_run()
    text_run.text = run.text
    font = text_run.font
    font.size = Pt(size)
    font.bold = run.bold
    font.italic = run.italic
    font.name = (design.brand.mono.family if run.code
                 else family or design.brand.base.family)
    font.color.rgb = color(design.colors.secondary if run.link else ink)
    text_run._r.get_or_add_rPr().set("cap", "none")
    if run.link and run.link.lower().startswith(_SAFE_SCHEMES):
        text_run.hyperlink.address = run.link


def add_textbox(slide: Any, box: Box, blocks: Sequence[TextBlock], design: Design, ink: str,
                name: str, family: str | None = None, align: Any = PP_ALIGN.LEFT,
                anchor: Any = MSO_ANCHOR.TOP) -> Any:
    shape = slide.shapes.add_textbox(*box.emu())
    shape.name = name
    prepare_frame(shape.text_frame, design, anchor)
    write_blocks(shape.text_frame, blocks, design, ink, family, align)
    return shape


def fitted_title(text: str, box: Box, design: Design, largest: float) -> tuple[str, float]:
    """The largest size (down to the minimum) at which ``text`` fits ``box``; else shortened."""
    width, height = design.inner_width(box), design.inner_height(box)
    measurer = design.heading_measurer
    runs = (Run(text, bold=True),)
    size = largest
    while size >= design.title_min:
        if measurer.line_count(runs, width, size) * line_height(size) <= height:
            return text, size
        size -= 2
    size = design.title_min
    max_lines = max(1, int(height // line_height(size)))
    lines = measurer.wrap(runs, width, size)[:max_lines]
    shortened = "".join(piece.text for line in lines for piece in line)
    while shortened and measurer.line_count((Run(shortened + "…", bold=True),), width,
                                            size) > max_lines:
        shortened = shortened[:-1]
    return shortened.rstrip() + "…", size


def set_title(slide: Any, text: str, box: Box, design: Design, ink: str,
              largest: float | None = None) -> Any:
    """Put ``text`` in the slide's title placeholder (found by type), sized to fit ``box``."""
    shape = slide.shapes.title
    if shape is None:
        shape = slide.shapes.add_textbox(*box.emu())
        shape.name = "Title"
    shape.left, shape.top, shape.width, shape.height = box.emu()
    shown, size = fitted_title(text, box, design, largest or design.title_size)
    prepare_frame(shape.text_frame, design, MSO_ANCHOR.MIDDLE)
    write_blocks(shape.text_frame, [TextBlock((Run(shown, bold=True),), size)], design, ink,
                 design.brand.headings.family)
    return shape
