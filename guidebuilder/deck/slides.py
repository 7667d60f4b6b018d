"""The slide writer: what every slide shares (layout, title, subtitle, furniture, notes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, cast

from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.placeholder import LayoutPlaceholder
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame

from guidebuilder.deck.design import Design
from guidebuilder.deck.geometry import Box
from guidebuilder.deck.notes import NotesWriter
from guidebuilder.deck.ooxml import placeholder_kind
from guidebuilder.deck.pptx_internals import SlideAdder, freeze
from guidebuilder.deck.presentation import find_layout
from guidebuilder.deck.shapes import SlideShapes
from guidebuilder.deck.text import fitted_title, prepare_frame, write_blocks
from guidebuilder.errors import Problem
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import Labels
from guidebuilder.text.blocks import TextBlock, fitted_text

SUBTITLE_SIZES = (20.0, 18.0)
SUBTITLE_LINES = 3


class Placeholder(Protocol):
    """A layout placeholder cloned onto a slide: moved to a box, its text frame written."""

    left: int
    top: int
    width: int
    height: int

    @property
    def text_frame(self) -> TextFrame: ...


class SlideWriter:
    """Adds slides to a presentation in the brand's design; collects template warnings."""

    def __init__(self, prs: PresentationType, design: Design, footer: str,
                 labels: Labels) -> None:
        self.prs = prs
        self.design = design
        self.footer = footer
        self.labels = labels
        self.warnings: list[Problem] = []
        self.count = 0
        self.notes = NotesWriter(design.language, design.rtl)
        self._slides = SlideAdder(prs)
        self._current: tuple[Slide, SlideShapes] | None = None
        self._layouts: dict[str, tuple[SlideLayout,
                                       list[tuple[str | None, LayoutPlaceholder]]]] = {}

    def new(self, role: str, *wanted: str) -> tuple[SlideShapes, dict[str, Placeholder]]:
        """A new slide on the layout for ``role`` with only the layout's placeholders of the
        ``wanted`` kinds (title, body, subtitle), found by type."""
        self.finish()
        if role not in self._layouts:  # looked up once per deck: each lookup walks the XML
            layout = find_layout(self.prs, role, self.design.brand.defaults.pptx_template,
                                 self.warnings)
            self._layouts[role] = (layout, [(placeholder_kind(placeholder.element), placeholder)
                                            for placeholder in layout.iter_cloneable_placeholders()])
        layout, placeholders = self._layouts[role]
        slide = self._slides.add(layout)
        found: dict[str, Placeholder] = {}
        for kind, placeholder in placeholders:
            if kind in wanted and kind not in found:
                slide.shapes.clone_placeholder(placeholder)
                found[kind] = cast(Placeholder, slide.shapes[-1])  # a SlidePlaceholder
        self.count += 1
        shapes = SlideShapes(slide, self.design)
        self._current = (slide, shapes)
        return shapes, found

    def finish(self) -> None:
        """Freeze the slide just written and its notes (see pptx_internals.freeze)."""
        if self._current is not None:
            slide, shapes = self._current
            shapes.close()
            part = slide.part
            freeze(part.part_related_by(RT.NOTES_SLIDE))
            freeze(part)
            self._current = None

    def titled(self, role: str, title: str, notes: str, subtitle: str = "",
               body: bool = False) -> tuple[SlideShapes, Box, Placeholder | None]:
        """A content slide with its title, subtitle, furniture and notes; returns the slide, the
        room left for its content, and the layout's body placeholder (when ``body``)."""
        d = self.design
        slide, found = self.new(role, "title", *(("body",) if body else ()))
        write_title(slide, found.get("title"), title, d.title_box(), d.surface.heading)
        room = d.body_box()
        if subtitle:
            room = self._subtitle(slide, subtitle, room)
        self.furniture(slide)
        self.notes.add(slide.slide, notes)
        return slide, room, found.get("body")

    def continued(self, title: str, index: int, count: int) -> str:
        """``title`` as the ``index``-th of ``count`` slides of a run shows it: "(1/3)",
        "(2/3)", "(3/3)" (as it is when the run is one slide): no two slides share a title
        (PowerPoint's checker asks), and the room sees from the first how far the run goes."""
        if count < 2:
            return title
        return f"{title} ({index + 1}/{count})"

    def subtitle_height(self, text: str) -> float:
        """The height a subtitle takes above the content (with the gap below it)."""
        return self._fitted_subtitle(text)[2]

    def _fitted_subtitle(self, text: str) -> tuple[str, float, float]:
        """The subtitle as shown (at most three lines across the body), its size and the
        height it takes, gap included."""
        d = self.design
        width = d.inner_width(d.body_box())
        lines_high = SUBTITLE_LINES * d.measurer.line_height((Run(text),), SUBTITLE_SIZES[-1])
        shown, size = fitted_text(text, width, lines_high, d.measurer, SUBTITLE_SIZES[0],
                                  SUBTITLE_SIZES[-1])
        runs = (Run(shown),)
        return shown, size, (d.measurer.line_count(runs, width, size)
                             * d.measurer.line_height(runs, size) + 2 * d.inset_y + 14)

    def _subtitle(self, slide: SlideShapes, text: str, room: Box) -> Box:
        d = self.design
        shown, size, height = self._fitted_subtitle(text)
        slide.textbox(Box(room.left, room.top, room.width, height - 14),
                      [TextBlock((Run(shown),), size)], d.surface.accent, "Subtitle")
        return Box(room.left, room.top + height, room.width, room.height - height)

    def furniture(self, slide: SlideShapes) -> None:
        """The footer line, the slide number and the small logo."""
        d = self.design
        if self.footer:
            box = d.footer_box()
            shown, _ = fitted_text(self.footer, d.inner_width(box), d.inner_height(box),
                                   d.measurer, d.footer_size, d.footer_size)
            slide.read_last(slide.textbox(box, [TextBlock((Run(shown),), d.footer_size)],
                                          d.surface.muted, "Footer", anchor=MSO_ANCHOR.BOTTOM))
        slide.read_last(slide.number(d.number_box(), self.count, d.footer_size, d.surface.muted))
        logo = d.logo()
        if logo:
            slide.read_last(slide.picture(logo.raster, logo.alt, d.logo_box(),
                                          decorative=True, plate=d.plate(logo)).element)


def write_title(slide: SlideShapes, placeholder: Placeholder | None, text: str, box: Box,
                ink: str, largest: float | None = None) -> None:
    """Put ``text`` in the title placeholder (a text box when the layout has none), sized to
    fit ``box``."""
    d = slide.design
    shown, size = fitted_title(text, box, d, largest or d.title_size)
    run = Run(shown, bold=d.brand.typography.heading_bold, italic=d.brand.typography.heading_italic)
    blocks = [TextBlock((run,), size)]
    if placeholder is None:
        slide.textbox(box, blocks, ink, "Title", d.brand.typography.headings.family,
                      anchor=MSO_ANCHOR.MIDDLE, title=True)
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = box.emu()
    prepare_frame(placeholder.text_frame, d, MSO_ANCHOR.MIDDLE)
    write_blocks(placeholder.text_frame, blocks, d, ink, d.brand.typography.headings.family)


def place_text(slide: SlideShapes, placeholder: Placeholder | None, box: Box,
               blocks: Sequence[TextBlock], ink: str, name: str) -> None:
    """Write ``blocks`` into the layout's placeholder moved to ``box``, or a new text box."""
    if placeholder is None:
        slide.textbox(box, blocks, ink, name)
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = box.emu()
    prepare_frame(placeholder.text_frame, slide.design)
    write_blocks(placeholder.text_frame, blocks, slide.design, ink)
