"""Measured text for slides: Markdown as blocks, and blocks written into python-pptx text frames
with every property set explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from guidebuilder.deck.design import Box, Design
from guidebuilder.deck.pptx_internals import text_body
from guidebuilder.guide.richtext import Paragraph, RichText, Run
from guidebuilder.plan.layout import BULLET, bullet_marker
from guidebuilder.text.blocks import TextBlock, fitted_text
from guidebuilder.text.markup import escape, quoteattr


def color(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


_ANCHORS = {MSO_ANCHOR.TOP: "t", MSO_ANCHOR.MIDDLE: "ctr", MSO_ANCHOR.BOTTOM: "b"}
_AUTOFIT = tuple(qn(tag) for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"))
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}


def prepare_frame(frame: Any, design: Design, anchor: Any = MSO_ANCHOR.TOP,
                  pad: float = 0.0) -> None:
    """Word wrap on, no autofit, explicit insets (``pad`` points more than the design's): the
    box is exactly what we measured. Written to ``a:bodyPr`` directly, as python-pptx's
    properties would write it (a default inset is left out), at a fraction of the cost."""
    body_pr = text_body(frame).find(qn("a:bodyPr"))
    body_pr.set("wrap", "square")
    for child in body_pr:
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    body_pr.insert(0, body_pr.makeelement(qn("a:noAutofit"), {}))
    body_pr.set("anchor", _ANCHORS[anchor])
    insets = {"lIns": design.inset_x, "rIns": design.inset_x, "tIns": design.inset_y,
              "bIns": design.inset_y}
    for name, points in insets.items():
        emu = int(Pt(points + pad))
        if emu == _DEFAULT_INSETS[name]:
            body_pr.attrib.pop(name, None)
        else:
            body_pr.set(name, str(emu))


def write_blocks(frame: Any, blocks: Sequence[TextBlock], design: Design, ink: str,
                 family: str | None = None, align: str = "l") -> None:
    """Replace the frame's text with ``blocks``, every property explicit. The paragraphs are
    written as one XML fragment: python-pptx's per-property API is the deck's slowest part."""
    body = text_body(frame)
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    xml = "".join(_paragraph_xml(block, index, design, ink, family, align, frame.part)
                  for index, block in enumerate(blocks))
    fragment = parse_xml(f"<a:txBody {nsdecls('a', 'r')}>{xml}</a:txBody>")
    for paragraph in fragment.findall(qn("a:p")):
        body.append(paragraph)


def _paragraph_xml(block: TextBlock, index: int, design: Design, ink: str, family: str | None,
                   align: str, part: Any) -> str:
    before = 0 if index == 0 else block.space_before
    bullet = (f'<a:buFont typeface={quoteattr(design.brand.base.family)}/>'
              f'<a:buChar char={quoteattr(block.bullet)}/>' if block.bullet else "<a:buNone/>")
    indent = -_emu(design.bullet_indent) if block.bullet else 0
    ppr = (f'<a:pPr marL="{_emu(block.indent)}" indent="{indent}" algn="{align}">'
           f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
           f'<a:spcBef><a:spcPts val="{round(before * 100)}"/></a:spcBef>'
           f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')
    size = round(block.size * 100)
    runs = "".join(_run_xml(run, size, design, block.ink or ink, family, part)
                   for run in block.runs)
    end = f'<a:endParaRPr lang="{design.language}" sz="{size}" dirty="0"/>'
    return f"<a:p>{ppr}{runs}{end}</a:p>"


def _run_xml(run: Run, size: int, design: Design, ink: str, family: str | None,
             part: Any) -> str:
    face = design.brand.mono.family if run.code else family or design.brand.base.family
    surface = design.surface
    colour = (surface.link if run.safe_link else surface.code if run.code else ink)
    colour = colour.lstrip("#").upper()
    link = ""
    if run.safe_link:
        rel = part.relate_to(run.safe_link, RT.HYPERLINK, is_external=True)
        link = f'<a:hlinkClick r:id="{rel}"/>'
    return (f'<a:r><a:rPr lang="{design.language}" sz="{size}" b="{int(run.bold)}" '
            f'i="{int(run.italic)}" cap="none" dirty="0"><a:solidFill><a:srgbClr val="{colour}"/>'
            f'</a:solidFill><a:latin typeface={quoteattr(face)}/>'
            f'<a:cs typeface={quoteattr(face)}/>{link}</a:rPr>'
            f"<a:t>{escape(run.text)}</a:t></a:r>")


def _emu(points: float) -> int:
    return round(points * 12700)


def add_textbox(slide: Any, box: Box, blocks: Sequence[TextBlock], design: Design, ink: str,
                name: str, family: str | None = None, align: str = "l",
                anchor: Any = MSO_ANCHOR.TOP) -> Any:
    shape = slide.shapes.add_textbox(*box.emu())
    shape.name = name
    prepare_frame(shape.text_frame, design, anchor)
    write_blocks(shape.text_frame, blocks, design, ink, family, align)
    return shape


def rich_blocks(text: RichText, size: float, design: Design,
                bullets: bool = True) -> list[TextBlock]:
    """Blocks for Markdown text: paragraphs become bullets when ``bullets`` is set."""
    out = []
    for block in text.blocks:
        if isinstance(block, Paragraph):
            out.append(TextBlock(block.runs, size, design.bullet_indent if bullets else 0.0,
                                 size * 0.5, BULLET if bullets else ""))
        else:
            for item in block.items:
                out.append(TextBlock(item.runs, size, design.bullet_indent * (item.level + 1),
                                     size * 0.3, bullet_marker(item.number, item.level),
                                     item.level))
    return out


def fitted_title(text: str, box: Box, design: Design, largest: float) -> tuple[str, float]:
    """A title's text and size for ``box``: as large as fits, shortened only as a last resort."""
    return fitted_text(text, design.inner_width(box), design.inner_height(box),
                       design.heading_measurer, largest, design.title_min,
                       bold=design.brand.heading_bold)


def set_title(slide: Any, shape: Any, text: str, box: Box, design: Design, ink: str,
              largest: float | None = None) -> Any:
    """Put ``text`` in the title placeholder ``shape`` (a text box when the layout has none),
    sized to fit ``box``."""
    if shape is None:
        shape = slide.shapes.add_textbox(*box.emu())
        shape.name = "Title"
    shape.left, shape.top, shape.width, shape.height = box.emu()
    shown, size = fitted_title(text, box, design, largest or design.title_size)
    prepare_frame(shape.text_frame, design, MSO_ANCHOR.MIDDLE)
    run = Run(shown, bold=design.brand.heading_bold, italic=design.brand.heading_italic)
    write_blocks(shape.text_frame, [TextBlock((run,), size)], design, ink,
                 design.brand.headings.family)
    return shape
