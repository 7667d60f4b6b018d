"""The shapes on a slide (text boxes, rectangles, tables, number, pictures), sized in points."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.picture import Picture
from pptx.slide import Slide
from pptx.util import Emu

from guidebuilder.brand.plates import PADDING
from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box, emu
from guidebuilder.deck.ooxml import (
    Element,
    Rect,
    ShapeTree,
    body_xml,
    describe_picture,
    mark_decorative,
    mirror_horizontally,
    number_xml,
    paragraphs_xml,
    rectangle_body,
)
from guidebuilder.deck.pptx_internals import shape_tree
from guidebuilder.text.blocks import TextBlock

Cell = tuple[Sequence[TextBlock], str, str]  # a table cell: its blocks, fill and ink


class SlideShapes:
    """Adds shapes to one slide in the deck's design."""

    def __init__(self, slide: Slide, design: Design) -> None:
        self.slide = slide
        self.part = slide.part
        self.design = design
        self._tree = ShapeTree(shape_tree(slide))
        self._last: list[Element] = []  # furniture: read after everything else

    def read_last(self, element: Element) -> Element:
        """Keep ``element`` (page furniture) after the slide's content in the reading order."""
        self._last.append(element)
        return element

    def close(self) -> None:
        """Put the furniture at the end of the shape tree: screen readers read the title, then
        the content, then the footer (the tree's order is the slide's reading order)."""
        for element in self._last:
            self._tree.to_end(element)
        self._last = []

    def textbox(self, box: Box, blocks: Sequence[TextBlock], ink: str, name: str,
                family: str | None = None, align: str = "l",
                anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, title: bool = False) -> Element:
        """A text box of ``blocks``, measured to fit ``box``; with ``title``, the slide's title
        placeholder."""
        paragraphs = paragraphs_xml(blocks, self.design, ink, self.part, family, align)
        return self._textbox(box, name, anchor, paragraphs, title)

    def number(self, box: Box, number: int, size: float, ink: str) -> Element:
        """The slide-number field, showing ``number``."""
        return self._textbox(box, "Slide Number", MSO_ANCHOR.BOTTOM,
                             number_xml(number, size, self.design, ink))

    def _textbox(self, box: Box, name: str, anchor: MSO_ANCHOR, paragraphs: str,
                 title: bool = False) -> Element:
        body = body_xml({}, self.design, anchor)
        return self._placed(self._tree.add(self._tree.textbox_xml(box.emu(), name, body,
                                                                  paragraphs, title)))

    def rectangle(self, box: Rect, fill: str, name: str, blocks: Sequence[TextBlock] = (),
                  ink: str = "", align: str = "l", anchor: MSO_ANCHOR = MSO_ANCHOR.MIDDLE,
                  pad: float = 0.0, rounding: float | None = None,
                  decorative: bool = False) -> Element:
        """A rectangle at ``box`` (in EMU: ``Box.emu()``, or the slide's own size), rounded by
        ``rounding`` of its shorter side, filled with ``fill``, with no outline and no shadow;
        holding ``blocks`` when given; ``decorative`` ones are skipped by screen readers."""
        text = None
        if blocks:
            text = (rectangle_body(self.design, anchor, pad),
                    paragraphs_xml(blocks, self.design, ink, self.part, align=align))
        shape = self._placed(self._tree.add(self._tree.rectangle_xml(box, fill, name, text,
                                                                     rounding)))
        if decorative:
            mark_decorative(shape)
        return shape

    def table(self, name: str, left: float, top: float, widths: Sequence[float],
              heights: Sequence[float], rows: Sequence[Sequence[Cell]]) -> Element:
        """A native table of ``rows`` of (blocks, fill, ink) cells, first row styled as its
        header; sizes in points."""
        d = self.design
        cells = [[(paragraphs_xml(blocks, d, ink, self.part), fill) for blocks, fill, ink in row]
                 for row in rows]
        if d.rtl:  # the first column at the right: written in reverse (LibreOffice ignores tblPr rtl)
            cells, widths = [row[::-1] for row in cells], list(widths)[::-1]
        return self._placed(self._tree.add(self._tree.table_xml(
            name, (emu(left), emu(top)), [emu(width) for width in widths],
            [emu(height) for height in heights], cells, (emu(d.inset_x), emu(d.inset_y)),
            d.grid)))

    def picture(self, path: Path, alt: str, box: Box, align: str = "r",
                decorative: bool = False, plate: str | None = None) -> Picture:
        """A picture scaled to fit ``box`` (right-aligned or centred), with alt text (through
        python-pptx, which stores the image part once per deck); a ``decorative`` one (the
        logo repeated on every slide) keeps its alt text but is skipped by screen readers.
        With ``plate``, on a rounded rectangle of that colour, within a margin."""
        left, top, width, height = box.emu()
        margin = height * PADDING / (1 + 2 * PADDING) if plate else 0.0
        picture = self.slide.shapes.add_picture(str(path), Emu(left), Emu(top))
        self._tree.next_id = max(self._tree.next_id, picture.shape_id + 1)
        scale = min((width - 2 * margin) / picture.width, (height - 2 * margin) / picture.height)
        picture.width, picture.height = (Emu(int(picture.width * scale)),
                                         Emu(int(picture.height * scale)))
        spare = width - picture.width - 2 * margin
        picture.left = Emu(int(left + margin + (spare if align == "r" else spare / 2)))
        picture.top = Emu(int(top + (height - picture.height) / 2))
        if plate:
            backing = self.rectangle(
                (picture.left - int(margin), picture.top - int(margin),
                 picture.width + int(2 * margin), picture.height + int(2 * margin)),
                plate, "Logo plate", rounding=0.15, decorative=True)
            picture.element.addprevious(backing)
        describe_picture(picture.element, alt)
        self._placed(picture.element)
        if decorative:
            mark_decorative(picture.element)
        picture.name = "Logo"
        return picture

    def _placed(self, shape: Element) -> Element:
        """``shape``, mirrored across the slide in a right-to-left deck (content that begins at
        the left begins at the right, the title and logo change sides, ladders rise leftwards)."""
        if self.design.rtl:
            mirror_horizontally(shape, emu(self.design.width))
        return shape

    def to_back(self, element: Element) -> None:
        """Put a shape behind every other."""
        self._tree.to_back(element)
