"""Slide builders: title, agenda, dividers, text, tables, ladders, FAQ, closing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from guidebuilder.brand.colormath import ramp
from guidebuilder.deck.design import Box, Design, find_layout
from guidebuilder.deck.notes import NotesWriter
from guidebuilder.deck.pptx_internals import SlideAdder, freeze, run_element, shape_tree
from guidebuilder.deck.text import add_textbox, color, prepare_frame, set_title, write_blocks
from guidebuilder.errors import Problem
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock, fitted_text
from guidebuilder.text.measure import line_height


class SlideWriter:
    """Adds slides to a presentation in the brand's design; collects template warnings."""

    def __init__(self, prs: Any, design: Design) -> None:
        self.prs = prs
        self.design = design
        self.warnings: list[Problem] = []
        self.count = 0
        self.notes = NotesWriter(design.language)
        self._slides = SlideAdder(prs)
        self._current: Any = None

    def _new(self, role: str, *wanted: str) -> tuple[Any, dict[str, Any]]:
        """A new slide on the layout for ``role`` with only the layout's placeholders of the
        ``wanted`` kinds (title, body, subtitle), found by type."""
        self.finish()
        layout = find_layout(self.prs, role, self.design.brand.pptx_template, self.warnings)
        slide = self._slides.add(layout)
        found: dict[str, Any] = {}
        for placeholder in layout.iter_cloneable_placeholders():
            kind = _placeholder_kind(placeholder)
            if kind in wanted and kind not in found:
                slide.shapes.clone_placeholder(placeholder)
                found[kind] = slide.shapes[-1]
        self.count += 1
        self._current = slide.part
        return slide, found

    def finish(self) -> None:
        """Freeze the slide just written and its notes (see pptx_internals.freeze)."""
        if self._current is not None:
            freeze(self._current.part_related_by(RT.NOTES_SLIDE))
            freeze(self._current)
            self._current = None

    def _notes(self, slide: Any, notes: str) -> None:
        self.notes.add(slide, notes)

    def _furniture(self, slide: Any, footer: str) -> None:
        d = self.design
        box = d.footer_box()
        shown, _ = fitted_text(footer, d.inner_width(box), d.inner_height(box), d.measurer,
                               d.footer_size, d.footer_size)
        add_textbox(slide, box, [TextBlock((Run(shown),), d.footer_size)], d, d.surface.muted,
                    "Footer", anchor=MSO_ANCHOR.BOTTOM)
        number = add_textbox(slide, d.number_box(), [TextBlock((Run("#"),), d.footer_size)], d,
                             d.surface.muted, "Slide Number", align="r",
                             anchor=MSO_ANCHOR.BOTTOM)
        _slide_number_field(number.text_frame.paragraphs[0], self.count)
        logo = d.logo()
        if logo:
            self.picture(slide, logo.raster, logo.alt, d.logo_box())

    def picture(self, slide: Any, path: Path, alt: str, box: Box) -> Any:
        """A picture scaled to fit ``box`` (right-aligned, vertically centred), with alt text."""
        picture = slide.shapes.add_picture(str(path), *box.emu()[:2])
        scale = min(Pt(box.width) / picture.width, Pt(box.height) / picture.height)
        picture.width, picture.height = int(picture.width * scale), int(picture.height * scale)
        picture.left = int(Pt(box.left + box.width) - picture.width)
        picture.top = int(Pt(box.top) + (Pt(box.height) - picture.height) / 2)
        picture.element.find(f"./{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set("descr", alt)
        picture.name = "Logo"
        return picture

    def title_slide(self, title: str, subtitle: str, lines: Sequence[str], notes: str) -> None:
        d = self.design
        slide, found = self._new("title", "title", "subtitle")
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, self.prs.slide_width,
                                      Pt(d.height * 0.5))
        _fill(band, d.brand.colors.primary)
        band.name = "Title band"
        _send_to_back(slide, band)
        ink = d.accent_ink
        set_title(slide, found.get("title"), title, Box(d.margin, d.height * 0.12,
                                                        d.width - 2 * d.margin, d.height * 0.3),
                  d, ink, 40)
        if subtitle:
            box = Box(d.margin, d.height * 0.42, d.width - 2 * d.margin, 40)
            shown, size = fitted_text(subtitle, d.inner_width(box), d.inner_height(box),
                                      d.measurer, 22, 14)
            _place_text(slide, found.get("subtitle"), box, [TextBlock((Run(shown),), size)], d,
                        ink, "Subtitle")
        box = Box(d.margin, d.height * 0.56, d.width * 0.62, d.height * 0.36)
        texts = [text for text in lines if text]
        sizes = [16.0] + [14.0] * (len(texts) - 1)
        longest = max(range(len(texts)), key=lambda i: len(texts[i]), default=0)
        gaps = 6.0 * (len(texts) - 1)
        room = d.inner_height(box) - gaps - sum(line_height(sizes[i]) for i in range(len(texts))
                                                 if i != longest)
        blocks = []
        for index, text in enumerate(texts):  # one line each, the longest gets the rest
            height = room if index == longest else line_height(sizes[index])
            shown, size = fitted_text(text, d.inner_width(box), height, d.measurer, sizes[index],
                                      10.0, bold=index == 0)
            blocks.append(TextBlock((Run(shown, bold=index == 0),), size, space_before=6))
        add_textbox(slide, box, blocks, d, d.surface.text, "Credits")
        logo = d.logo(large=True)
        if logo:
            self.picture(slide, logo.raster, logo.alt,
                         Box(d.width * 0.7, d.height * 0.6, d.width * 0.3 - d.margin,
                             d.height * 0.25))
        self._notes(slide, notes)

    def divider(self, title: str, kicker: str, footer: str, notes: str) -> None:
        d = self.design
        slide, found = self._new("section", "title", "body")
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(18), self.prs.slide_height)
        _fill(band, d.brand.colors.secondary)
        band.name = "Accent"
        set_title(slide, found.get("title"), title,
                  Box(d.margin + 20, d.height * 0.36, d.width - 2 * d.margin - 20, d.height * 0.3),
                  d, d.surface.heading, 40)
        _place_text(slide, found.get("body"),
                    Box(d.margin + 20, d.height * 0.24, d.width - 2 * d.margin - 20, 40),
                    [TextBlock((Run(kicker),), 18)], d, d.surface.accent, "Kicker")
        self._furniture(slide, footer)
        self._notes(slide, notes)

    def text_slide(self, title: str, blocks: Sequence[TextBlock], footer: str, notes: str) -> Any:
        d = self.design
        slide, found = self._new("content", "title", "body")
        set_title(slide, found.get("title"), title, d.title_box(), d, d.surface.heading)
        _place_text(slide, found.get("body"), d.body_box(), blocks, d, d.surface.text,
                    "Content")
        self._furniture(slide, footer)
        self._notes(slide, notes)
        return slide

    def table_slide(self, title: str, header: Sequence[str], rows: Sequence[Sequence[list]],
                    widths: Sequence[float], heights: Sequence[float], size: float,
                    footer: str, notes: str) -> None:
        """A native table; ``rows`` hold TextBlock lists per cell, heights are measured."""
        d = self.design
        slide, found = self._new("comparison", "title")
        set_title(slide, found.get("title"), title, d.title_box(), d, d.surface.heading)
        body = d.body_box()
        frame = slide.shapes.add_table(len(rows) + 1, len(header), Pt(body.left), Pt(body.top),
                                       Pt(sum(widths)), Pt(sum(heights)))
        frame.name = "Comparison table"
        table = frame.table
        for index, width in enumerate(widths):
            table.columns[index].width = Pt(width)
        for index, height in enumerate(heights):
            table.rows[index].height = Pt(height)
        head_fill = d.brand.colors.primary
        ink = d.accent_ink
        for col, text in enumerate(header):
            cell = table.cell(0, col)
            self._cell(cell, [TextBlock((Run(text, bold=True),), size)], head_fill, ink)
        stripes = (d.surface.background, d.surface.shade)
        for row_index, row in enumerate(rows, start=1):
            fill = stripes[(row_index - 1) % 2]
            for col, blocks in enumerate(row):
                self._cell(table.cell(row_index, col), blocks, fill,
                           d.surface.heading if col == 0 else d.surface.text)
        self._furniture(slide, footer)
        self._notes(slide, notes)

    def _cell(self, cell: Any, blocks: list, fill: str, ink: str) -> None:
        d = self.design
        cell.fill.solid()
        cell.fill.fore_color.rgb = color(fill)
        cell.margin_left = cell.margin_right = Pt(d.inset_x)
        cell.margin_top = cell.margin_bottom = Pt(d.inset_y)
        cell.vertical_anchor = MSO_ANCHOR.TOP
        write_blocks(cell.text_frame, blocks, d, ink)

    def ladder_slide(self, title: str, labels: Sequence[str], first_number: int, size: float,
                     footer: str, notes: str) -> None:
        """Rising steps, one per level, most junior on the left, as editable shapes."""
        d = self.design
        slide, found = self._new("comparison", "title")
        set_title(slide, found.get("title"), title, d.title_box(), d, d.surface.heading)
        body = d.body_box()
        count = len(labels)
        gap = 6.0
        step_width = (body.width - gap * (count - 1)) / count
        lowest = body.height * 0.35
        rise = (body.height - lowest) / max(1, count - 1)
        for index, label in enumerate(labels):
            height = lowest + rise * index if count > 1 else body.height * 0.6
            box = Box(body.left + index * (step_width + gap), body.top + body.height - height,
                      step_width, height)
            shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box.emu())
            shape.name = f"Level {first_number + index}"
            fill = ramp(d.brand.colors.primary, d.surface.background, index, count)
            _fill(shape, fill)
            ink = d.brand.ink_on(fill)
            prepare_frame(shape.text_frame, d, MSO_ANCHOR.TOP)
            write_blocks(shape.text_frame, [
                TextBlock((Run(str(first_number + index), bold=True),), size + 6),
                TextBlock((Run(label, bold=True),), size, space_before=4)], d, ink)
        self._furniture(slide, footer)
        self._notes(slide, notes)

    def ladder_fits(self, labels: Sequence[str], size: float) -> bool:
        """Whether every label fits its step at ``size`` (the lowest step is the tightest)."""
        d = self.design
        body = d.body_box()
        count = len(labels)
        step_width = (body.width - 6.0 * (count - 1)) / count
        lowest = body.height * 0.35 if count > 1 else body.height * 0.6
        inner = Box(0, 0, step_width, lowest)
        for index, label in enumerate(labels):
            height = lowest + (body.height - lowest) / max(1, count - 1) * index
            lines = d.measurer.line_count((Run(label, bold=True),), d.inner_width(inner), size)
            need = line_height(size + 6) + 4 + lines * line_height(size)
            if need > d.inner_height(Box(0, 0, step_width, height)):
                return False
        return True


def _place_text(slide: Any, placeholder: Any, box: Box, blocks: Sequence[TextBlock],
                design: Design, ink: str, name: str) -> None:
    """Write ``blocks`` into the layout's placeholder moved to ``box``, or a new text box."""
    if placeholder is None:
        add_textbox(slide, box, blocks, design, ink, name)
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = box.emu()
    prepare_frame(placeholder.text_frame, design)
    write_blocks(placeholder.text_frame, blocks, design, ink)


_KINDS = {"title": "title", "ctrTitle": "title", "body": "body", "obj": "body",
          "subTitle": "subtitle"}


def _placeholder_kind(shape: Any) -> str | None:
    """title, body or subtitle for a placeholder (by its XML type), else None."""
    ph = shape.element.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return None if ph is None else _KINDS.get(ph.get("type", "obj"))


def _fill(shape: Any, hex_color: str) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = color(hex_color)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _send_to_back(slide: Any, shape: Any) -> None:
    tree = shape_tree(slide)
    tree.remove(shape.element)
    tree.insert(2, shape.element)


def _slide_number_field(paragraph: Any, number: int) -> None:
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
