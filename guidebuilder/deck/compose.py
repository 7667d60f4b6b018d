"""Walk a DocumentPlan and decide the slides: what goes on them, what goes in the notes."""

from __future__ import annotations

from collections.abc import Sequence

from guidebuilder.deck.design import Design
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.tables import table_slides
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Paragraph, RichText, Run
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Ladder,
    Prose,
    Questions,
    Section,
    SectionKind,
    Table,
)
from guidebuilder.plan.layout import BULLET, LADDER_STEPS
from guidebuilder.text.blocks import TextBlock, blocks_height, paginate
from guidebuilder.text.measure import first_sentence


class DeckComposer:
    """Turns sections into slides through a SlideWriter."""

    def __init__(self, plan: DocumentPlan, design: Design, writer: SlideWriter,
                 footer: str) -> None:
        self.plan = plan
        self.design = design
        self.writer = writer
        self.footer = footer
        self.labels = plan.meta.labels

    # -- text helpers -------------------------------------------------------------------
    def blocks(self, text: RichText, size: float, bullets: bool = True) -> list[TextBlock]:
        return rich_blocks(text, size, self.design, bullets)

    def fit(self, make, sizes: Sequence[float] | None = None,
            split=None) -> list[list[TextBlock]]:
        """Pages of blocks made by ``make(size)``: one slide at the largest size that fits,
        else split by ``split(blocks, width, height)`` (default: paginate) at the middle size,
        never below the minimum."""
        d = self.design
        box = d.body_box()
        width, height = d.inner_width(box), d.inner_height(box)
        sizes = sizes or d.body_sizes
        for size in sizes:
            blocks = make(size)
            if blocks_height(d.measurer, blocks, width) <= height:
                return [blocks]
        blocks = make(sizes[min(1, len(sizes) - 1)])
        if split is None:
            return paginate(d.measurer, blocks, width, height)
        return split(blocks, width, height)

    def text_slides(self, title: str, pages: list[list[TextBlock]], notes: str | list[str]) -> None:
        for index, page in enumerate(pages):
            shown = title if index == 0 else f"{title} {self.labels.continued}"
            page_notes = notes[index] if isinstance(notes, list) else notes
            self.writer.text_slide(shown, page, self.footer, page_notes)

    # -- the deck -------------------------------------------------------------------------
    def compose(self) -> None:
        meta = self.plan.meta
        self.writer.title_slide(meta.title, meta.subtitle,
                                [self.design.brand.name, meta.credits, meta.date_line],
                                "\n\n".join(p for p in (meta.title, meta.subtitle, meta.credits,
                                                        meta.date_line) if p))
        self.agenda()
        for number, section in enumerate(self.plan.sections, start=1):
            self.writer.divider(section.title, f"{number:02d}", self.footer,
                                f"{section.title}." + self._outline(section))
            self.section(section)

    def agenda(self) -> None:
        titles = [s.title for s in self.plan.sections]
        make = lambda size: [TextBlock((Run(f"{i:02d}", bold=True), Run(f"   {t}")), size,  # noqa: E731
                                       0.0, size * 0.45) for i, t in enumerate(titles, start=1)]
        pages = self.fit(make)
        self.text_slides(self.labels.agenda, pages, "\n".join(titles))

    def _outline(self, section: Section) -> str:
        return (" " + "; ".join(child.title for child in section.children) + "."
                if section.children else "")

    def section(self, section: Section, parent: str = "") -> None:
        title = section.title if not parent else f"{parent}: {section.title}"
        for element in section.elements:
            self.element(element, title if section.kind is not SectionKind.ROLE else
                         f"{section.title}: {self.labels.summary}")
        for child in section.children:
            self.section(child, section.title)

    def element(self, element, title: str) -> None:
        if isinstance(element, Prose):
            self.prose(title, element.text)
        elif isinstance(element, Bullets):
            items = [b for item in element.items for b in self.blocks(item, 0)]
            make = lambda size: [TextBlock(b.runs, size, b.indent, size * 0.45, b.bullet,  # noqa: E731
                                           b.level) for b in items]
            notes = "\n".join(f"• {item.plain}" for item in element.items)
            self.text_slides(title, self.fit(make), notes)
        elif isinstance(element, Definitions):
            make = lambda size: [TextBlock((Run(i.term, bold=True),), size,  # noqa: E731
                                           self.design.bullet_indent, size * 0.5, BULLET)
                                 for i in element.items]
            pages = self.fit(make)
            page_notes: list[str] = []
            start = 0
            for page in pages:  # a page's notes: the items that start on it, in full
                count = sum(1 for b in page if b.bullet)
                page_notes.append("\n\n".join(f"{i.term}: {i.body.plain}"
                                              for i in element.items[start:start + count]))
                start += count
            self.text_slides(title, pages, page_notes)
        elif isinstance(element, Table):
            table_slides(self.writer, self.labels, self.footer, title, element)
        elif isinstance(element, Ladder):
            self.ladder(title, element)
        elif isinstance(element, Questions):
            self.questions(title, element)

    def prose(self, title: str, text: RichText) -> None:
        """Full text when it fits one slide at a readable size; else the lead sentences."""
        full = self.fit(lambda size: self.blocks(text, size, bullets=False), self.design.body_sizes[:2])
        if len(full) == 1:
            self.text_slides(title, full, text.plain)
            return
        condensed = RichText(text.source, tuple(
            Paragraph((Run(first_sentence(b.plain)),)) if isinstance(b, Paragraph) else b
            for b in text.blocks))
        self.text_slides(title, self.fit(lambda size: self.blocks(condensed, size)), text.plain)

    def ladder(self, title: str, ladder: Ladder) -> None:
        levels = ladder.levels
        for start in range(0, len(levels), LADDER_STEPS):
            chunk = levels[start:start + LADDER_STEPS]
            labels = [level.term for level in chunk]
            size = next((s for s in (18.0, 16.0, 14.0, 12.0)
                         if self.writer.ladder_fits(labels, s)), None)
            notes = "\n\n".join(f"{start + i}. {lv.term}: {lv.body.plain}"
                                for i, lv in enumerate(chunk, start=1))
            shown = title if start == 0 else f"{title} {self.labels.continued}"
            if size is None:  # labels too long for steps: list the levels as text instead
                make = lambda s, c=chunk, n=start: [TextBlock(  # noqa: E731
                    (Run(f"{n + i}. ", bold=True), Run(lv.term, bold=True)), s, 0.0, s * 0.5)
                    for i, lv in enumerate(c, start=1)]
                self.text_slides(shown, self.fit(make), notes)
            else:
                self.writer.ladder_slide(shown, labels, start + 1, size, self.footer, notes)

    def questions(self, title: str, questions: Questions) -> None:
        d = self.design

        def make(size: float) -> list[TextBlock]:
            out = []
            for item in questions.items:
                out.append(TextBlock((Run(f"{self.labels.question} ", bold=True),
                                      Run(item.question, bold=True)), size, 0.0, size * 0.9))
                out.extend(TextBlock(b.runs, size - 2, d.bullet_indent, size * 0.25)
                           for b in self.blocks(item.answer, size - 2, bullets=False))
            return out

        pages = self.fit(make, split=self._keep_questions_whole)
        notes = ["\n\n".join(self._qa_notes(page, questions)) for page in pages]
        self.text_slides(title, pages, notes)

    def _keep_questions_whole(self, blocks: list[TextBlock], width: float,
                              height: float) -> list[list[TextBlock]]:
        """Paginate Q&A so a question starts a slide rather than ending one."""
        d = self.design
        groups: list[list[TextBlock]] = []
        for block in blocks:
            if not block.indent or not groups:
                groups.append([block])
            else:
                groups[-1].append(block)
        pages: list[list[TextBlock]] = [[]]
        for group in groups:
            candidate = pages[-1] + group
            if blocks_height(d.measurer, candidate, width) <= height:
                pages[-1] = candidate
            elif blocks_height(d.measurer, group, width) <= height:
                pages.append(list(group))
            else:
                pages.extend(paginate(d.measurer, group, width, height))
        return [page for page in pages if page]

    def _qa_notes(self, page: list[TextBlock], questions: Questions) -> list[str]:
        shown = {"".join(r.text for r in b.runs[1:]) for b in page if not b.indent}
        return [f"{self.labels.question} {q.question}\n{self.labels.answer} {q.answer.plain}"
                for q in questions.items if q.question in shown] or [
            " ".join(r.text for b in page for r in b.runs)]
