"""python-pptx's XML layer and lxml: every XML fragment the deck writes and every element it edits."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Protocol

from lxml import etree
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import BaseOxmlElement

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import emu
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock
from guidebuilder.text.markup import escape, quoteattr

Element = BaseOxmlElement
Rect = tuple[int, int, int, int]

# the style python-pptx gives every auto shape
_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
          '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>'
          '<a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef>'
          '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')
_TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default table style
_GRID_WIDTH = 9525  # EMU: a 0.75 pt rule between table cells
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_WRAPPER = f"<p:spTree {nsdecls('a', 'p', 'r')}>{{}}</p:spTree>"
_RECTANGLE = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
_ANCHORS = {MSO_ANCHOR.TOP: "t", MSO_ANCHOR.MIDDLE: "ctr", MSO_ANCHOR.BOTTOM: "b"}
_AUTOFIT = tuple(qn(tag) for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"))
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_PLACEHOLDER_KINDS = {"title": "title", "ctrTitle": "title", "body": "body", "obj": "body",
                      "subTitle": "subtitle"}



class LinkingPart(Protocol):
    """A part that relates hyperlinks (a slide's): python-pptx's ``Part.relate_to``."""

    def relate_to(self, target: str, reltype: str, is_external: bool = False) -> str: ...


# -- text: paragraphs, runs and text bodies --------------------------------------------------
def body_properties(start: dict[str, str], design: Design, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
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
    for name, inset in insets.items():
        length = emu(inset + pad)
        if length == _DEFAULT_INSETS[name]:
            attributes.pop(name, None)
        else:
            attributes[name] = str(length)
    return attributes


def body_xml(start: dict[str, str], design: Design, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
             pad: float = 0.0) -> str:
    """The ``a:bodyPr`` element of ``body_properties`` as XML."""
    attributes = "".join(f" {name}={quoteattr(value)}"
                         for name, value in body_properties(start, design, anchor, pad).items())
    return f"<a:bodyPr{attributes}><a:noAutofit/></a:bodyPr>"


def prepare_body(body: Element, design: Design, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
                 pad: float = 0.0) -> None:
    """Set an existing ``a:txBody``'s ``a:bodyPr`` (see ``body_properties``), directly:
    python-pptx's properties would write the same at many times the cost."""
    body_pr = body.find(qn("a:bodyPr"))
    attributes = body_properties(dict(body_pr.attrib), design, anchor, pad)
    body_pr.attrib.clear()
    for name, value in attributes.items():
        body_pr.set(name, value)
    for child in body_pr:
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    body_pr.insert(0, body_pr.makeelement(qn("a:noAutofit"), {}))


def replace_paragraphs(body: Element, paragraphs: str) -> None:
    """Replace the ``a:p`` elements of a text body by ``paragraphs`` (XML), as one fragment."""
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    fragment = parse_xml(f"<a:txBody {nsdecls('a', 'r')}>{paragraphs}</a:txBody>")
    for paragraph in fragment.findall(qn("a:p")):
        body.append(paragraph)


def paragraphs_xml(blocks: Sequence[TextBlock], design: Design, ink: str, part: LinkingPart,
                   family: str | None = None, align: str = "l") -> str:
    """``blocks`` as ``a:p`` elements, every property explicit; links are related to ``part``."""
    return "".join(_paragraph_xml(block, index, design, ink, family, align, part)
                   for index, block in enumerate(blocks))


def number_xml(number: int, size: float, design: Design, ink: str) -> str:
    """A right-aligned paragraph holding a slide-number field that shows ``number``."""
    block = TextBlock((Run("#"),), size)
    size_value = round(size * 100)
    properties = _run_properties_xml(block.runs[0], size_value, design, ink,
                                     design.brand.typography.base.family, None)
    return (f"<a:p>{_paragraph_properties_xml(block, 0, design, 'r')}"
            f'<a:fld id="{_SLIDE_NUMBER_FIELD}" type="slidenum">{properties}'
            f"<a:t>{number}</a:t></a:fld>"
            f'<a:endParaRPr lang="{design.language}" sz="{size_value}" dirty="0"/></a:p>')


def solid_fill_xml(hex_color: str) -> str:
    """An ``a:solidFill`` of ``#RRGGBB``."""
    return f'<a:solidFill><a:srgbClr val="{hex_color.lstrip("#").upper()}"/></a:solidFill>'


def _paragraph_properties_xml(block: TextBlock, index: int, design: Design, align: str) -> str:
    before = 0 if index == 0 else block.space_before
    bullet = "<a:buNone/>"  # and a list item's number is text: see _paragraph_xml
    if block.bullet and not block.numbered:
        bullet = (f"<a:buFont typeface={quoteattr(design.brand.typography.base.family)}/>"
                  f"<a:buChar char={quoteattr(block.bullet)}/>")
    indent = -emu(block.hang or design.bullet_indent) if block.bullet else 0
    direction = ""
    if design.rtl:  # read from the right: the bullet, its indent and the text's start there
        align, direction = {"l": "r", "r": "l"}.get(align, align), ' rtl="1"'
    return (f'<a:pPr marL="{emu(block.indent)}" indent="{indent}" algn="{align}"{direction}>'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(before * 100)}"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')


def _paragraph_xml(block: TextBlock, index: int, design: Design, ink: str, family: str | None,
                   align: str, part: LinkingPart) -> str:
    """A list item's number is its text's first run, up to the tab that the hanging indent
    ends with (a no-break space from the right: LibreOffice lets no gap there): automatic
    numbering shows only one character of a bullet ("1" for "10.") and applications count
    items differently (past nested items, across a paragraph between two lists); written,
    the number is the guide's."""
    size = round(block.size * 100)
    number = ((Run(block.bullet + ("\u00a0" if design.rtl else "\t")),)
              if block.numbered else ())
    runs = "".join(f"<a:r>{_run_properties_xml(run, size, design, block.ink or ink, face, part)}"
                   f"<a:t>{escape(piece)}</a:t></a:r>" for run in (*number, *block.runs)
                   for face, piece in _faces(run, design, family))
    end = f'<a:endParaRPr lang="{design.language}" sz="{size}" dirty="0"/>'
    return f"<a:p>{_paragraph_properties_xml(block, index, design, align)}{runs}{end}</a:p>"


def _faces(run: Run, design: Design, family: str | None) -> list[tuple[str, str]]:
    typography = design.brand.typography
    if run.code:
        return [(typography.mono.family, run.text)]
    return design.faces(run.text, family, run.bold)


def _run_properties_xml(run: Run, size: int, design: Design, ink: str, face: str,
                        part: LinkingPart | None) -> str:
    typography = design.brand.typography
    surface = design.surface
    colour = (surface.link if run.safe_link else surface.code if run.code else ink)
    link = ""
    if run.safe_link and part is not None:
        rel = part.relate_to(run.safe_link, RT.HYPERLINK, is_external=True)
        link = f'<a:hlinkClick r:id="{rel}"/>'
    east_asian = typography.fallback_family("ea")  # a fallback for scripts the brand lacks
    complex_scripts = typography.fallback_family("cs") or face
    return (f'<a:rPr lang="{design.language}" sz="{size}" b="{int(run.bold)}" '
            f'i="{int(run.italic)}" cap="none" dirty="0">{solid_fill_xml(colour)}'
            f'<a:latin typeface={quoteattr(face)}/>'
            + (f'<a:ea typeface={quoteattr(east_asian)}/>' if east_asian else "")
            + f'<a:cs typeface={quoteattr(complex_scripts)}/>{link}</a:rPr>')


_DECORATIVE = (f'<a:ext {nsdecls("a")} uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">'
               '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"'
               ' val="1"/></a:ext>')


# -- shapes ----------------------------------------------------------------------------------
class ShapeTree:
    """A slide's ``p:spTree``: new shapes go in as XML in one step each, exactly as python-pptx's
    shape API would write them and numbered as it numbers them (one more than the largest id on
    the slide); that API rescans the slide for a free id and walks its element classes for every
    property, which made it the slowest part of rendering a deck."""

    def __init__(self, tree: Element) -> None:
        self.tree = tree
        self.next_id = max((int(v) for v in tree.xpath("//@id") if v.isdigit()), default=0) + 1

    def add(self, xml: str) -> Element:
        """Append the shape ``xml`` (see the ``*_xml`` writers) and count its id."""
        element: Element = parse_xml(_WRAPPER.format(xml))[0]
        self.tree.insert_element_before(element, "p:extLst")
        self.next_id += 1
        return element

    def to_back(self, element: Element) -> None:
        """Put a shape behind every other."""
        self.tree.remove(element)
        self.tree.insert(2, element)

    def to_end(self, element: Element) -> None:
        """Put a shape in front of every other (last in the reading order)."""
        self.tree.remove(element)
        self.tree.insert_element_before(element, "p:extLst")

    def _name(self, name: str) -> str:
        return f'<p:cNvPr id="{self.next_id}" name={quoteattr(name)}/>'

    def textbox_xml(self, box: Rect, name: str, body: str, paragraphs: str,
                    title: bool = False) -> str:
        """A text box (``body`` from ``body_xml``) holding ``paragraphs``; with ``title``, the
        slide's title placeholder (for layouts that have none, so that screen readers and
        PowerPoint's checker still find the slide's title)."""
        kind = ('<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>'
                if title else '<p:cNvSpPr txBox="1"/><p:nvPr/>')
        return (f"<p:sp><p:nvSpPr>{self._name(name)}{kind}"
                f"</p:nvSpPr><p:spPr>{_xfrm(box)}{_RECTANGLE}<a:noFill/></p:spPr>"
                f"<p:txBody>{body}<a:lstStyle/>{paragraphs}</p:txBody></p:sp>")

    def rectangle_xml(self, box: Rect, fill: str, name: str, text: tuple[str, str] | None,
                      rounding: float | None) -> str:
        """A rectangle (rounded by ``rounding`` of its shorter side) filled with ``fill``, no
        outline or shadow; ``text`` is its body and paragraphs (from ``rectangle_body``)."""
        geometry = (_RECTANGLE if rounding is None else
                    f'<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" '
                    f'fmla="val {int(rounding * 100000)}"/></a:avLst></a:prstGeom>')
        body, paragraphs = text or ('<a:bodyPr rtlCol="0" anchor="ctr"/>',
                                    '<a:p><a:pPr algn="ctr"/></a:p>')
        return (f"<p:sp><p:nvSpPr>{self._name(name)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
                f"<p:spPr>{_xfrm(box)}{geometry}{solid_fill_xml(fill)}"
                f"<a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>{_STYLE}"
                f"<p:txBody>{body}<a:lstStyle/>{paragraphs}</p:txBody></p:sp>")

    def table_xml(self, name: str, origin: tuple[int, int], columns: Sequence[int],
                  heights: Sequence[int], rows: Sequence[Sequence[tuple[str, str]]],
                  margins: tuple[int, int], rule: str) -> str:
        """A native table of ``rows`` of (paragraphs, fill) cells, its first row styled as
        the header, every cell ruled in ``rule`` (#RRGGBB, not the table style's white);
        lengths in EMU, ``margins`` the cells' (horizontal, vertical) insets."""
        x, y = margins
        cell_margins = f'marL="{x}" marR="{x}" marT="{y}" marB="{y}" anchor="t"'
        rules = "".join(f'<a:{side} w="{_GRID_WIDTH}" cap="flat" cmpd="sng" algn="ctr">'
                        f'{solid_fill_xml(rule)}<a:prstDash val="solid"/></a:{side}>'
                        for side in ("lnL", "lnR", "lnT", "lnB"))
        grid = "".join(f'<a:gridCol w="{width}"/>' for width in columns)
        body = "".join(
            f'<a:tr h="{height}">' + "".join(
                f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</a:txBody>"
                f"<a:tcPr {cell_margins}>{rules}{solid_fill_xml(fill)}</a:tcPr></a:tc>"
                for paragraphs, fill in row) + "</a:tr>"
            for height, row in zip(heights, rows, strict=True))
        return (f'<p:graphicFrame><p:nvGraphicFramePr>{self._name(name)}<p:cNvGraphicFramePr>'
                f'<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
                f'</p:nvGraphicFramePr><p:xfrm><a:off x="{origin[0]}" y="{origin[1]}"/>'
                f'<a:ext cx="{sum(columns)}" cy="{sum(heights)}"/></p:xfrm><a:graphic>'
                f'<a:graphicData uri="{_TABLE_URI}"><a:tbl><a:tblPr firstRow="1" bandRow="1">'
                f"<a:tableStyleId>{_TABLE_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>{grid}"
                f"</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")


def rectangle_body(design: Design, anchor: MSO_ANCHOR, pad: float) -> str:
    """The ``a:bodyPr`` of a rectangle holding text."""
    return body_xml({"rtlCol": "0", "anchor": "ctr"}, design, anchor, pad)


def _xfrm(box: Rect) -> str:
    left, top, width, height = box
    return (f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/>'
            "</a:xfrm>")


def mirror_horizontally(shape: Element, slide_width: int) -> None:
    """Move a shape to the mirror place across the slide's vertical centre line (lengths in
    EMU): the layout of a right-to-left deck."""
    offset = next(shape.iter(qn("a:off")))
    extent = next(shape.iter(qn("a:ext")))
    offset.set("x", str(slide_width - int(offset.get("x")) - int(extent.get("cx"))))


def describe_picture(picture: Element, alt: str) -> None:
    """Give a picture (``p:pic``) its alt text."""
    picture.find(f"./{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set("descr", alt)


def mark_decorative(shape: Element) -> None:
    """Mark a shape decorative (Office's ``adec:decorative``): screen readers skip it."""
    properties = next(shape.iter(qn("p:cNvPr")))
    extensions = properties.find(qn("a:extLst"))
    if extensions is None:
        extensions = etree.SubElement(properties, qn("a:extLst"))
    extensions.append(parse_xml(_DECORATIVE))


def placeholder_kind(shape: Element) -> str | None:
    """title, body or subtitle for a placeholder (by its XML type), else None."""
    ph = shape.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return None if ph is None else _PLACEHOLDER_KINDS.get(ph.get("type", "obj"))


# -- masters, themes and notes ---------------------------------------------------------------
def stretch_horizontally(elements: Iterable[Element], factor: float) -> None:
    """Stretch the shapes of masters and layouts horizontally by ``factor``."""
    for element in elements:
        for offset in element.iter(qn("a:off")):
            offset.set("x", str(round(int(offset.get("x")) * factor)))
        for extent in element.iter(qn("a:ext")):
            if extent.get("cx") is not None:
                extent.set("cx", str(round(int(extent.get("cx")) * factor)))


def with_link_colors(theme: bytes, hex_color: str) -> bytes:
    """A theme's XML with its hyperlink colours (``hlink``, ``folHlink``) set to ``hex_color``."""
    root = etree.fromstring(theme)
    for name in ("a:hlink", "a:folHlink"):
        for slot in root.iter(qn(name)):
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, qn("a:srgbClr")).set("val", hex_color.lstrip("#").upper())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def copied(element: Element) -> Element:
    """A deep copy of ``element`` (a blank notes slide, to make the next from)."""
    return copy.deepcopy(element)


def write_notes(notes: Element, text: str, language: str, rtl: bool = False) -> None:
    """Put ``text`` (one paragraph per line, right to left with ``rtl``) in a notes slide's
    body placeholder."""
    body = next(sp.find(qn("p:txBody")) for sp in notes.iter(qn("p:sp"))
                if _is_notes_body(sp) and sp.find(qn("p:txBody")) is not None)
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    direction = '<a:pPr algn="r" rtl="1"/>' if rtl else ""
    xml = "".join(f'<a:p>{direction}<a:r><a:rPr lang="{language}" dirty="0"/>'
                  f"<a:t>{escape(line)}</a:t></a:r></a:p>" if line else "<a:p/>"
                  for line in text.strip().split("\n"))
    for paragraph in parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>"):
        body.append(paragraph)


def _is_notes_body(shape: Element) -> bool:
    ph = shape.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return ph is not None and ph.get("type") == "body"
