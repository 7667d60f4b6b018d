"""Small shape helpers: solid fills, z-order, and the slide-number field."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from guidebuilder.deck.pptx_internals import run_element, shape_tree
from guidebuilder.deck.text import color


def fill_shape(shape: Any, hex_color: str) -> None:
    """A solid fill of ``hex_color``, no outline, no shadow."""
    shape.fill.solid()
    shape.fill.fore_color.rgb = color(hex_color)
    shape.line.fill.background()
    shape.shadow.inherit = False


def send_to_back(slide: Any, shape: Any) -> None:
    tree = shape_tree(slide)
    tree.remove(shape.element)
    tree.insert(2, shape.element)


def slide_number_field(paragraph: Any, number: int) -> None:
    """Replace the paragraph's run with a slide-number field showing ``number``."""
    run = run_element(paragraph.runs[0])
    field = etree.Element(qn("a:fld"))
    field.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    field.set("type", "slidenum")
    field.append(run.find(qn("a:rPr")))
    text = etree.SubElement(field, qn("a:t"))
    text.text = str(number)
    run.addprevious(field)
    run.getparent().remove(run)
