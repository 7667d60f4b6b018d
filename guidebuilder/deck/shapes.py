"""Shapes written onto a slide as XML in one step each, exactly as python-pptx's shape API
would write them (bench/identical.py compares whole decks, tests/deck/test_shapes.py each kind
of shape): that API rescans the slide for a free id and walks its element classes for every
property, which made it the slowest part of rendering a deck."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_ANCHOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from guidebuilder.deck.design import Box, Design
from guidebuilder.deck.pptx_internals import shape_tree
from guidebuilder.deck.text import body_xml, number_xml, paragraphs_xml, solid_fill_xml
from guidebuilder.text.blocks import TextBlock
from guidebuilder.text.markup import quoteattr

# the style python-pptx gives every auto shape
_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
          '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>'
          '<a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef>'
          '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')
_TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default table style
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_WRAPPER = f"<p:spTree {nsdecls('a', 'p', 'r')}>{{}}</p:spTree>"
_RECTANGLE = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'


class SlideShapes:
    """Adds shapes to one slide, numbering them as python-pptx does (one more than the largest
    id on the slide)."""

    def __init__(self, slide: Any, design: Design) -> None:
        self.slide = slide
        self.part = slide.part
        self.design = design
        self._tree = shape_tree(slide)
        self._next_id = max((int(v) for v in self._tree.xpath("//@id") if v.isdigit()),
                            default=0) + 1

    def _add(self, xml: str) -> Any:
        element = parse_xml(_WRAPPER.format(xml))[0]
        self._tree.insert_element_before(element, "p:extLst")
        self._next_id += 1
        return element

    def _name(self, name: str) -> str:
        return f'<p:cNvPr id="{self._next_id}" name={quoteattr(name)}/>'

    def textbox(self, box: Box, blocks: Sequence[TextBlock], ink: str, name: str,
                family: str | None = None, align: str = "l",
                anchor: Any = MSO_ANCHOR.TOP) -> Any:
        """A text box of ``blocks``, measured to fit ``box``."""
        paragraphs = paragraphs_xml(blocks, self.design, ink, self.part, family, align)
        return self._textbox(box, name, anchor, paragraphs)

    def number(self, box: Box, number: int, size: float, ink: str) -> Any:
        """The slide-number field, showing ``number``."""
        return self._textbox(box, "Slide Number", MSO_ANCHOR.BOTTOM,
                             number_xml(number, size, self.design, ink))

    def _textbox(self, box: Box, name: str, anchor: Any, paragraphs: str) -> Any:
        body = body_xml({}, self.design, anchor)
        return self._add(f'<p:sp><p:nvSpPr>{self._name(name)}<p:cNvSpPr txBox="1"/><p:nvPr/>'
                         f"</p:nvSpPr><p:spPr>{_xfrm(box.emu())}{_RECTANGLE}<a:noFill/></p:spPr>"
                         f"<p:txBody>{body}<a:lstStyle/>{paragraphs}</p:txBody></p:sp>")

    def rectangle(self, box: tuple[int, int, int, int], fill: str, name: str,
                  blocks: Sequence[TextBlock] = (), ink: str = "", align: str = "l",
                  anchor: Any = MSO_ANCHOR.MIDDLE, pad: float = 0.0,
                  rounding: float | None = None) -> Any:
        """A rectangle (rounded by ``rounding`` of its shorter side) filled with ``fill``, with
        no outline and no shadow; holding ``blocks`` when given."""
        geometry = (_RECTANGLE if rounding is None else
                    f'<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" '
                    f'fmla="val {int(rounding * 100000)}"/></a:avLst></a:prstGeom>')
        start = {"rtlCol": "0", "anchor": "ctr"}
        if blocks:
            body = body_xml(start, self.design, anchor, pad)
            text = paragraphs_xml(blocks, self.design, ink, self.part, align=align)
        else:
            body, text = '<a:bodyPr rtlCol="0" anchor="ctr"/>', '<a:p><a:pPr algn="ctr"/></a:p>'
        return self._add(f"<p:sp><p:nvSpPr>{self._name(name)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
                         f"<p:spPr>{_xfrm(box)}{geometry}{solid_fill_xml(fill)}"
                         f"<a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>{_STYLE}"
                         f"<p:txBody>{body}<a:lstStyle/>{text}</p:txBody></p:sp>")

    def table(self, name: str, left: float, top: float, widths: Sequence[float],
              heights: Sequence[float], rows: Sequence[Sequence[tuple[list[TextBlock], str, str]]],
              ) -> Any:
        """A native table of ``rows`` of (blocks, fill, ink) cells, first row styled as its
        header; sizes in points."""
        d = self.design
        columns = [int(Pt(width)) for width in widths]
        row_heights = [int(Pt(height)) for height in heights]
        margins = (f'marL="{int(Pt(d.inset_x))}" marR="{int(Pt(d.inset_x))}" '
                   f'marT="{int(Pt(d.inset_y))}" marB="{int(Pt(d.inset_y))}" anchor="t"')
        grid = "".join(f'<a:gridCol w="{width}"/>' for width in columns)
        body = "".join(
            f'<a:tr h="{height}">' + "".join(
                f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>"
                f"{paragraphs_xml(blocks, d, ink, self.part)}</a:txBody>"
                f"<a:tcPr {margins}>{solid_fill_xml(fill)}</a:tcPr></a:tc>"
                for blocks, fill, ink in row) + "</a:tr>"
            for height, row in zip(row_heights, rows, strict=True))
        return self._add(
            f'<p:graphicFrame><p:nvGraphicFramePr>{self._name(name)}<p:cNvGraphicFramePr>'
            f'<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{int(Pt(left))}" y="{int(Pt(top))}"/>'
            f'<a:ext cx="{sum(columns)}" cy="{sum(row_heights)}"/></p:xfrm><a:graphic>'
            f'<a:graphicData uri="{_TABLE_URI}"><a:tbl><a:tblPr firstRow="1" bandRow="1">'
            f"<a:tableStyleId>{_TABLE_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>{grid}"
            f"</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")

    def picture(self, path: Path, alt: str, box: Box, align: str = "r") -> Any:
        """A picture scaled to fit ``box`` (right-aligned or centred), with alt text (through
        python-pptx, which stores the image part once per deck)."""
        picture = self.slide.shapes.add_picture(str(path), *box.emu()[:2])
        scale = min(Pt(box.width) / picture.width, Pt(box.height) / picture.height)
        picture.width, picture.height = int(picture.width * scale), int(picture.height * scale)
        spare = Pt(box.width) - picture.width
        picture.left = int(Pt(box.left) + (spare if align == "r" else spare / 2))
        picture.top = int(Pt(box.top) + (Pt(box.height) - picture.height) / 2)
        picture.element.find(f"./{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set("descr", alt)
        picture.name = "Logo"
        self._next_id = max(self._next_id, picture.shape_id + 1)
        return picture

    def to_back(self, element: Any) -> None:
        """Put a shape behind every other."""
        self._tree.remove(element)
        self._tree.insert(2, element)


def _xfrm(box: tuple[int, int, int, int]) -> str:
    left, top, width, height = box
    return (f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/>'
            "</a:xfrm>")

