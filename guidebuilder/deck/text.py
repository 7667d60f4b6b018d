"""Measured text for slides: Markdown as blocks, and blocks as DrawingML paragraphs and text
bodies with every property set explicitly (written into new shapes, or into python-pptx text
frames)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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

_ANCHORS = {MSO_ANCHOR.TOP: "t", MSO_ANCHOR.MIDDLE: "ctr", MSO_ANCHOR.BOTTOM: "b"}
_AUTOFIT = tuple(qn(tag) for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"))
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def body_properties(start: dict[str, str], design: Design, anchor: Any = MSO_ANCHOR.TOP,
                    pad: float = 0.0) -> dict[str, str]:
    """``a:bodyPr``'s attributes, from those it has (``start``), in the order python-pptx's
    properties would leave them: word wrap on, the anchor, and insets ``pad`` points more than
    the design's (a default inset is left out). With ``a:noAutofit`` as its only child, the box
    is exactly what we measured."""
    attributes = dict(start)
    attributes["wrap"] = "square"
    attributes["anchor"] = _ANCHORS[anchor]
    insets = {"lIns": design.inset_x, "rIns": design.inset_x, "tIns": design.inset_y,
              "bIns": design.inset_y}
    for name, points in insets.items():
        emu = int(Pt(points + pad))
        if emu == _DEFAULT_INSETS[name]:
            attributes.pop(name, None)
        else:
            attributes[name] = str(emu)
    return attributes


def body_xml(start: dict[str, str], design: Design, anchor: Any = MSO_ANCHOR.TOP,
             pad: float = 0.0) -> str:
    """The ``a:bodyPr`` element of ``body_properties`` as XML."""
    attributes = "".join(f" {name}={quoteattr(value)}"
                         for name, value in body_properties(start, design, anchor, pad).items())
    return f"<a:bodyPr{attributes}><a:noAutofit/></a:bodyPr>"


def prepare_frame(frame: Any, design: Design, anchor: Any = MSO_ANCHOR.TOP,
                  pad: float = 0.0) -> None:
    """Set an existing frame's ``a:bodyPr`` (see ``body_properties``), directly: python-pptx's
    properties would write the same at many times the cost."""
    body_pr = text_body(frame).find(qn("a:bodyPr"))
    attributes = body_properties(dict(body_pr.attrib), design, anchor, pad)
    body_pr.attrib.clear()
    for name, value in attributes.items():
        body_pr.set(name, value)
    for child in body_pr:
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    body_pr.insert(0, body_pr.makeelement(qn("a:noAutofit"), {}))


def write_blocks(frame: Any, blocks: Sequence[TextBlock], design: Design, ink: str,
                 family: str | None = None, align: str = "l") -> None:
    """Replace the frame's text with ``blocks``, every property explicit. The paragraphs are
    written as one XML fragment: python-pptx's per-property API is the deck's slowest part."""
    body = text_body(frame)
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    xml = paragraphs_xml(blocks, design, ink, frame.part, family, align)
    fragment = parse_xml(f"<a:txBody {nsdecls('a', 'r')}>{xml}</a:txBody>")
    for paragraph in fragment.findall(qn("a:p")):
        body.append(paragraph)


def paragraphs_xml(blocks: Sequence[TextBlock], design: Design, ink: str, part: Any,
                   family: str | None = None, align: str = "l") -> str:
    """``blocks`` as ``a:p`` elements; links are related to ``part``."""
    return "".join(_paragraph_xml(block, index, design, ink, family, align, part)
                   for index, block in enumerate(blocks))


def number_xml(number: int, size: float, design: Design, ink: str) -> str:
    """A right-aligned paragraph holding a slide-number field that shows ``number``."""
    block = TextBlock((Run("#"),), size)
    size_value = round(size * 100)
    properties = _run_properties_xml(block.runs[0], size_value, design, ink, None, None)
    return (f"<a:p>{_paragraph_properties_xml(block, 0, design, 'r')}"
            f'<a:fld id="{_SLIDE_NUMBER_FIELD}" type="slidenum">{properties}'
            f"<a:t>{number}</a:t></a:fld>"
            f'<a:endParaRPr lang="{design.language}" sz="{size_value}" dirty="0"/></a:p>')


def solid_fill_xml(hex_color: str) -> str:
    """An ``a:solidFill`` of ``#RRGGBB``."""
    return f'<a:solidFill><a:srgbClr val="{hex_color.lstrip("#").upper()}"/></a:solidFill>'


def _paragraph_properties_xml(block: TextBlock, index: int, design: Design, align: str) -> str:
    before = 0 if index == 0 else block.space_before
    bullet = (f'<a:buFont typeface={quoteattr(design.brand.typography.base.family)}/>'
              f'<a:buChar char={quoteattr(block.bullet)}/>' if block.bullet else "<a:buNone/>")
    indent = -_emu(design.bullet_indent) if block.bullet else 0
    return (f'<a:pPr marL="{_emu(block.indent)}" indent="{indent}" algn="{align}">'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(before * 100)}"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')


def _paragraph_xml(block: TextBlock, index: int, design: Design, ink: str, family: str | None,
                   align: str, part: Any) -> str:
    size = round(block.size * 100)
    runs = "".join(f"<a:r>{_run_properties_xml(run, size, design, block.ink or ink, family, part)}"
                   f"<a:t>{escape(run.text)}</a:t></a:r>" for run in block.runs)
    end = f'<a:endParaRPr lang="{design.language}" sz="{size}" dirty="0"/>'
    return f"<a:p>{_paragraph_properties_xml(block, index, design, align)}{runs}{end}</a:p>"


def _run_properties_xml(run: Run, size: int, design: Design, ink: str, family: str | None,
                        part: Any) -> str:
    face = design.brand.typography.mono.family if run.code else family or design.brand.typography.base.family
    surface = design.surface
    colour = (surface.link if run.safe_link else surface.code if run.code else ink)
    link = ""
    if run.safe_link:
        rel = part.relate_to(run.safe_link, RT.HYPERLINK, is_external=True)
        link = f'<a:hlinkClick r:id="{rel}"/>'
    return (f'<a:rPr lang="{design.language}" sz="{size}" b="{int(run.bold)}" '
            f'i="{int(run.italic)}" cap="none" dirty="0">{solid_fill_xml(colour)}'
            f'<a:latin typeface={quoteattr(face)}/>'
            f'<a:cs typeface={quoteattr(face)}/>{link}</a:rPr>')


def _emu(points: float) -> int:
    return round(points * 12700)


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
                       bold=design.brand.typography.heading_bold)
