"""Rich text as platypus paragraphs, and heads kept with the first paragraph of their body."""

from __future__ import annotations

import math
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from guidebuilder.guide.richtext import BulletList, RichText
from guidebuilder.guide.richtext import Paragraph as MdParagraph
from guidebuilder.pdf.reportlab_internals import kept_flowables
from guidebuilder.pdf.structure import Elem, ListMaker
from guidebuilder.pdf.styles import Markup, indented
from guidebuilder.pdf.tagged import TaggedParagraph
from guidebuilder.plan.layout import bullet_marker

NUMBER_GAP = 0.6  # of the bullet's size after a number: what reportlab leaves before the text


def rich_flowables(text: RichText, markup: Markup, style: ParagraphStyle,
                   bullet_style: ParagraphStyle, parent: Elem, kept: int = 0) -> list[Flowable]:
    """``text``'s paragraphs in ``style`` and its list items in ``bullet_style``, indented by
    their nesting level; tagged as P and L > LI > (Lbl, LBody) in ``parent``. A list of at
    most ``kept`` items stays on one page (not one item alone at the top of the next)."""
    out: list[Flowable] = []
    for block in text.blocks:
        match block:
            case MdParagraph():
                out.append(TaggedParagraph(markup.runs(block.runs), style, tag=parent.add("P")))
            case BulletList():
                lists = ListMaker(parent)
                extra = _number_room(block, bullet_style)
                start = len(out)
                for item in block.items:
                    lbl, body = lists.item(item.level, item.number is not None)
                    bullet = bullet_marker(item.number, item.level)
                    indent = (bullet_style.rightIndent if bullet_style.wordWrap == "RTL"
                              else bullet_style.leftIndent) * item.level
                    item_style = indented(bullet_style, f"{bullet_style.name}{item.level}-{extra}",
                                          indent + extra, indent)
                    out.append(TaggedParagraph(markup.runs(item.runs), item_style, bulletText=bullet,
                                               tag=body, lbl=lbl))
                if 1 < len(block.items) <= kept:
                    out[start:] = [kept_together(out[start:])]
            case _:
                assert_never(block)
    return out


def _number_room(items: BulletList, style: ParagraphStyle) -> float:
    """How much further in a list's text goes so that its widest number ("10.") fits
    between the bullet's place and the text, as a narrower one does."""
    widest = max((stringWidth(bullet_marker(item.number, item.level), style.bulletFontName,
                              style.bulletFontSize) for item in items.items if item.number),
                 default=0.0)
    text = style.rightIndent if style.wordWrap == "RTL" else style.leftIndent
    room = text - style.bulletIndent
    return math.ceil(max(0.0, widest + style.bulletFontSize * NUMBER_GAP - room) * 100) / 100


def with_lead(head: Paragraph, body: list[Flowable]) -> list[Flowable]:
    """``head`` kept on the page of the first body paragraph, never alone at a page foot."""
    return [kept_together([head, body[0]]), *body[1:]] if body else [head]


def kept_together(flowables: list[Flowable]) -> KeepTogether:
    """``flowables`` kept on one page (when they fit one). Groups kept together among them
    are opened (reportlab measures a KeepTogether inside another as endless), and none keeps
    with the next: the group does it, and chained keep-with-next can loop in reportlab."""
    flat: list[Flowable] = []
    for flowable in flowables:
        flat.extend(kept_flowables(flowable) if isinstance(flowable, KeepTogether) else [flowable])
    for flowable in flat:
        flowable.keepWithNext = 0
    return KeepLead(flat)


class KeepLead(KeepTogether):
    """Flowables kept on one page, except that a last table row that may be split inside
    (``splitInRow``) need not fit whole: its lead-in stays with at least its first piece."""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables)
        self.flowables = flowables

    def split(self, aW: float, aH: float) -> list[Flowable]:
        *lead, last = self.flowables
        piece = getattr(last, "splitInRow", 0) if isinstance(last, Table) else 0
        if piece and lead_height(lead, self.canv, aW, aH) + piece <= aH:
            return list(self.flowables)
        parts: list[Flowable] = super().split(aW, aH)
        return parts


def lead_height(flowables: list[Flowable], canvas: Canvas, width: float, height: float) -> float:
    """The height ``flowables`` take one below the other (groups kept together opened)."""
    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, KeepLead):
            total += lead_height(flowable.flowables, canvas, width, height)
        else:
            total += (flowable.wrapOn(canvas, width, height)[1] + flowable.getSpaceBefore()
                      + flowable.getSpaceAfter())
    return total
