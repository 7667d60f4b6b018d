"""Custom flowables: chapter headings that feed the outline and contents, the career ladder,
and the break before a chapter."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from guidebuilder.brand.colormath import ramp
from guidebuilder.brand.model import Brand
from guidebuilder.pdf.blocks import lead_height
from guidebuilder.pdf.tagged import TaggedParagraph
from guidebuilder.plan.layout import CHAPTER_ROOM, STUB_SHARE


class Heading(TaggedParagraph):
    """A heading that becomes an outline entry and, with ``contents`` markup, a contents line
    (once, on its first part when a very long heading is split across pages)."""

    def __init__(self, text: str | None, style: ParagraphStyle, key: str = "", level: int = 0,
                 outline: str = "", contents: str = "", **options: Any) -> None:
        super().__init__(text, style, **options)
        self.key = key
        self.level = level
        self.outline = outline
        self.contents = contents

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        if parts and isinstance(first := parts[0], Heading):  # reportlab splits into our class
            first.key, first.level = self.key, self.level
            first.outline, first.contents = self.outline, self.contents
        return parts


class LadderDiagram(Flowable):
    """Steps rising left to right from the most junior level (right to left in a right-to-left
    style), each with its number and title."""

    GAP = 4.0
    PAD = 5.0

    def __init__(self, titles: list[str], brand: Brand, style: ParagraphStyle,
                 first_number: int = 1) -> None:
        super().__init__()
        self.titles = titles
        self.first_number = first_number
        self.brand = brand
        self.style = style
        self._steps: list[tuple[str, TaggedParagraph, TaggedParagraph, float]] = []
        self._step_width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width, with_titles=True)
        if self.height > avail_height:  # titles too long for any page: the list below has them
            self._layout(avail_width, with_titles=False)
        return self.width, self.height

    def _layout(self, avail_width: float, with_titles: bool) -> None:
        count = max(1, len(self.titles))
        self._step_width = (avail_width - self.GAP * (count - 1)) / count
        inner = self._step_width - 2 * self.PAD
        rise = self.style.leading * 1.6
        previous = 0.0
        self._steps = []
        for index, title in enumerate(self.titles):
            fill = ramp(self.brand.colors.primary, self.brand.surfaces.page.background, index, count)
            ink = HexColor(self.brand.ink_on(fill))
            style = ParagraphStyle(f"step{index}", self.style, textColor=ink)
            label = TaggedParagraph(title if with_titles else "", style)
            number = TaggedParagraph(str(self.first_number + index), ParagraphStyle(
                f"stepn{index}", style, fontSize=style.fontSize * 1.4, leading=style.leading * 1.4))
            label_height = label.wrap(inner, 10_000)[1]
            number.wrap(inner, 1_000)
            needed = label_height + number.height + 3 * self.PAD
            height = max(needed, previous + rise if index else needed, rise * 2.2)
            self._steps.append((fill, label, number, height))
            previous = height
        self.width = avail_width
        self.height = max((step[3] for step in self._steps), default=0.0)

    def draw(self) -> None:
        canvas = self.canv
        rtl = self.style.wordWrap == "RTL"  # then the steps rise from right to left
        step = self._step_width + self.GAP
        x = self.width - self._step_width if rtl else 0.0
        for fill, label, number, height in self._steps:
            canvas.setFillColor(HexColor(fill))
            canvas.roundRect(x, 0, self._step_width, height, 3, stroke=0, fill=1)
            number.drawOn(canvas, x + self.PAD, height - self.PAD - number.height)
            label.drawOn(canvas, x + self.PAD, self.PAD)
            x += -step if rtl else step


class ChapterBreak(CondPageBreak):
    """A new page for a chapter (``chapter``: its flowables), unless the chapter fits whole
    on this page, or the page so far holds less than ``STUB_SHARE`` of the frame
    (``frame_height`` points): a few lines spilled from the page before. Either way, less
    than ``CHAPTER_ROOM`` left means a new page."""

    def __init__(self, frame_height: float) -> None:
        super().__init__(CHAPTER_ROOM)
        self.frame_height = frame_height
        self.chapter: list[Flowable] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        used = self.frame_height - availHeight
        self.height = (availHeight + 1 if used >= self.frame_height * STUB_SHARE
                       and not self._fits(availWidth, availHeight) else CHAPTER_ROOM)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def _fits(self, width: float, height: float) -> bool:
        if any(isinstance(f, (PageBreak, CondPageBreak)) for f in self.chapter):
            return False
        return lead_height(self.chapter, self.canv, width, height) <= height
