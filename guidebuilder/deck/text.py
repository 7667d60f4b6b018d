"""Slide text: Markdown as measured blocks, fitted titles, blocks written into text frames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from pptx.enum.text import MSO_ANCHOR
from pptx.text.text import TextFrame

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.ooxml import paragraphs_xml, prepare_body, replace_paragraphs
from guidebuilder.deck.pptx_internals import text_body
from guidebuilder.guide.richtext import BulletList, Paragraph, RichText
from guidebuilder.plan.layout import BULLET, bullet_marker
from guidebuilder.text.blocks import TextBlock, fitted_text

NUMBER_GAP = 0.4  # of the type size: between a list item's number and its text


def prepare_frame(frame: TextFrame, design: Design, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
                  pad: float = 0.0) -> None:
    """Give a frame the deck's word wrap, ``anchor`` and insets (``pad`` points more), no
    autofit: the box is exactly what we measured."""
    prepare_body(text_body(frame), design, anchor, pad)


def write_blocks(frame: TextFrame, blocks: Sequence[TextBlock], design: Design, ink: str,
                 family: str | None = None, align: str = "l") -> None:
    """Replace the frame's text with ``blocks``, every property explicit, in one step:
    python-pptx's per-property API is the deck's slowest part."""
    replace_paragraphs(text_body(frame),
                       paragraphs_xml(blocks, design, ink, frame.part, family, align))


def rich_blocks(text: RichText, size: float, design: Design,
                bullets: bool = True) -> list[TextBlock]:
    """Blocks for Markdown text: paragraphs become bullets when ``bullets`` is set."""
    out = []
    for block in text.blocks:
        match block:
            case Paragraph():
                out.append(TextBlock(block.runs, size, design.bullet_indent if bullets else 0.0,
                                     size * 0.5, BULLET if bullets else ""))
            case BulletList():
                out.extend(_list_blocks(block, size, design))
            case _:
                assert_never(block)
    return out


def _list_blocks(items: BulletList, size: float, design: Design) -> list[TextBlock]:
    """A list's items; where a number is too wide for the usual bullet indent ("10." in
    large type), every item's text moves right by as much and numbers hang that far."""
    indent = design.bullet_indent
    markers = [bullet_marker(item.number, item.level) for item in items.items]
    widest = max((design.measurer.width(marker, size) + size * NUMBER_GAP
                  for marker, item in zip(markers, items.items, strict=True) if item.number),
                 default=0.0)
    extra = max(0.0, widest - indent)
    return [TextBlock(item.runs, size, extra + indent * (item.level + 1), size * 0.3, marker,
                      item.level, hang=indent + extra if item.number else 0.0)
            for marker, item in zip(markers, items.items, strict=True)]


def fitted_title(text: str, box: Box, design: Design, largest: float) -> tuple[str, float]:
    """A title's text and size for ``box``: as large as fits, shortened only as a last resort."""
    return fitted_text(text, design.inner_width(box), design.inner_height(box),
                       design.heading_measurer, largest, design.title_min,
                       bold=design.brand.typography.heading_bold)
