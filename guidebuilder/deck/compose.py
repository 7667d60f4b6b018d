"""Decide the deck a presenter shows: which slides, what each shows (short forms, at most a
slide's worth of words, readable sizes) and what the speaker notes say (everything)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from guidebuilder.deck.design import Box, Design
from guidebuilder.deck.ladder import Level, ladder_size, ladder_slide, ladder_words, shortened
from guidebuilder.deck.slides import Card, SlideWriter
from guidebuilder.deck.tables import TableText, table_slides
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
from guidebuilder.plan.layout import BULLET, LADDER_STEPS, slide_form
from guidebuilder.text.blocks import (
    TextBlock,
    blocks_height,
    paginate,
    spread_evenly,
    word_count,
)

Make = Callable[[float], list[TextBlock]]
DIVIDER_ROLES = 3  # from this many roles on, the roles part opens with a divider
AGENDA_TILES = 12


class DeckComposer:
    """Turns the plan's sections into slides through a SlideWriter."""

    def __init__(self, plan: DocumentPlan, design: Design, writer: SlideWriter) -> None:
        self.plan = plan
        self.design = design
        self.writer = writer
        self.labels = plan.meta.labels

    # -- fitting --------------------------------------------------------------------------
    def fits(self, blocks: list[TextBlock], room: Box | None = None,
             max_words: int | None = None) -> bool:
        """Whether ``blocks`` fit one slide's ``room`` (the body) with at most ``max_words``
        (a slide's worth)."""
        d = self.design
        room = room or d.body_box()
        return (word_count(blocks) <= (max_words or d.max_words)
                and blocks_height(d.measurer, blocks, d.inner_width(room)) <= d.inner_height(room))

    def pages(self, make: Make, room: Box | None = None) -> list[list[TextBlock]]:
        """Blocks made by ``make(size)`` on as few slides as they need: one slide at the largest
        size that fits ``room`` with at most a slide's worth of words, else continued slides at
        the middle size (text is never shrunk below it)."""
        d = self.design
        room = room or d.body_box()
        for size in d.body_sizes:
            blocks = make(size)
            if self.fits(blocks, room):
                return [blocks]
        return paginate(d.measurer, make(d.body_sizes[2]), d.inner_width(room),
                        d.inner_height(room), d.max_words)

    def text_slides(self, title: str, pages: list[list[TextBlock]], notes: Sequence[str],
                    subtitle: str = "") -> None:
        """One slide per page; continuation slides are titled "(cont.)"."""
        for index, page in enumerate(pages):
            shown = title if index == 0 else f"{title} {self.labels.continued}"
            self.writer.text_slide(shown, page, notes[min(index, len(notes) - 1)],
                                   subtitle if index == 0 else "")

    def blocks(self, text: RichText, size: float, bullets: bool = True) -> list[TextBlock]:
        return rich_blocks(text, size, self.design, bullets)

    # -- the deck -------------------------------------------------------------------------
    def compose(self) -> None:
        meta = self.plan.meta
        self.writer.title_slide(meta.title, meta.subtitle,
                                [self.design.brand.meta.name, meta.credits, meta.date_line],
                                "\n\n".join(p for p in (meta.title, meta.subtitle, meta.credits,
                                                        meta.date_line) if p))
        self.agenda()
        roles = [s for s in self.plan.sections if s.kind is SectionKind.ROLE]
        for number, section in enumerate(self.plan.sections, start=1):
            if section.kind is SectionKind.ROLE:
                if len(roles) >= DIVIDER_ROLES and section is roles[0]:
                    self.writer.divider(self.labels.roles, f"{number:02d}",
                                        "\n".join(role.title for role in roles))
                self.role(section)
            elif section.kind is SectionKind.COMPARISON:
                self.comparison(section)
            elif section.kind is SectionKind.FAQ:
                self.faq(section)
            elif section.kind is SectionKind.CLOSING:
                self.closing(section)
            else:
                self.prose(section.title, _prose(section.elements))

    def agenda(self) -> None:
        """The parts of the deck as numbered tiles, twelve to a slide."""
        entries = list(enumerate((s.title for s in self.plan.sections), start=1))
        for start in range(0, len(entries), AGENDA_TILES):
            chunk = entries[start:start + AGENDA_TILES]
            title = self.labels.agenda if not start else f"{self.labels.agenda} {self.labels.continued}"
            self.writer.agenda_slide(title, chunk, "\n".join(f"{n}. {t}" for n, t in chunk))

    def prose(self, title: str, text: RichText) -> None:
        """Running text (see ``_shown``), as bullets when it has several paragraphs; the full
        text in the notes."""
        shown = self._shown(text)
        bullets = len(shown.blocks) > 1
        pages = self.pages(lambda size: self.blocks(shown, size, bullets=bullets))
        self.text_slides(title, pages, [text.plain])

    def _shown(self, text: RichText) -> RichText:
        """What a slide shows of running text: the whole of it when it fits one slide at a
        readable size and has no short form, else its short form (or first sentences)."""
        if text.slide is None and self.fits(
                self.blocks(text, self.design.body_sizes[2], bullets=len(text.blocks) > 1)):
            return text
        return slide_form(text)

    def comparison(self, section: Section) -> None:
        """The table with the introduction as its subtitle; the full text in the notes."""
        table = next((e for e in section.elements if isinstance(e, Table)), None)
        before = _prose(section.elements[:section.elements.index(table)] if table else ())
        after = _prose(section.elements[section.elements.index(table) + 1:] if table else ())
        if table is None:
            self.prose(section.title, _prose(section.elements))
            return
        table_slides(self.writer, self.labels, section.title, table,
                     TableText(_subtitle(before), before.plain, after.plain))

    def role(self, section: Section) -> None:
        """An overview (summary, responsibilities and task examples as cards), then the
        career ladder with a line per level."""
        summary = _prose(section.elements)
        parts = {child.kind: child for child in section.children}
        cards: list[tuple[str, list[RichText], str]] = []
        if SectionKind.RESPONSIBILITIES in parts:
            items = _only(parts[SectionKind.RESPONSIBILITIES], Definitions).items
            cards.append((parts[SectionKind.RESPONSIBILITIES].title,
                          [_plain(i.term) for i in items],
                          "\n\n".join(f"{i.term}: {i.body.plain}" if i.body else i.term
                                      for i in items)))
        if SectionKind.TASKS in parts:
            tasks = _only(parts[SectionKind.TASKS], Bullets).items
            cards.append((parts[SectionKind.TASKS].title, list(tasks),
                          "\n".join(f"{BULLET} {t.plain}" for t in tasks)))
        notes = "\n\n".join([summary.plain, *(f"{h}:\n{n}" for h, _, n in cards)]).strip()
        self.overview(section.title, _subtitle(summary), cards, notes)
        if SectionKind.CAREER in parts:
            self.career(section.title, parts[SectionKind.CAREER])

    def overview(self, title: str, subtitle: str,
                 cards: list[tuple[str, list[RichText], str]], notes: str) -> None:
        """The cards side by side on one slide when they fit; else a slide per card."""
        d = self.design
        room = d.body_box()
        if subtitle:
            height = self.writer.subtitle_height(subtitle)
            room = Box(room.left, room.top + height, room.width, room.height - height)
        budget = d.max_words - len(subtitle.split())
        for size in d.body_sizes[1:]:
            made = [Card(heading, self._card_blocks(items, size)) for heading, items, _ in cards]
            words = sum(word_count(c.blocks) + len(c.heading.split()) for c in made)
            if made and words <= budget and self.writer.cards_fit(made, room):
                self.writer.cards_slide(title, subtitle, made, notes)
                return
        if not cards:
            self.text_slides(title, [[]], [notes], subtitle)
            return
        for index, (heading, items, card_notes) in enumerate(cards):
            shown = title if index == 0 else f"{title}: {heading}"
            pages = self.pages(lambda size, i=items, h=heading: [  # type: ignore[misc]
                TextBlock((Run(h, bold=True),), size, ink=d.surface.heading),
                *self._card_blocks(i, size)], room if index == 0 else None)
            self.text_slides(shown, pages, [notes if index == 0 else card_notes],
                             subtitle if index == 0 else "")

    def _card_blocks(self, items: list[RichText], size: float) -> list[TextBlock]:
        """Each item's short form as a bullet."""
        return [replace(block, space_before=size * 0.45)
                for item in items for block in self.blocks(slide_form(item), size)]

    def career(self, role: str, section: Section) -> None:
        """Ladder slides, a few levels each, the full text of the levels in the notes."""
        title = f"{role}: {section.title}"
        ladder = next((e for e in section.elements if isinstance(e, Ladder)), None)
        notes = _prose(section.elements).plain
        if ladder is None:
            self.prose(title, _prose(section.elements))
            return
        levels = [Level(number, lv.term, _line(slide_form(lv.body)))
                  for number, lv in enumerate(ladder.levels, start=1)]
        parts = [part for start in range(0, len(levels), LADDER_STEPS)
                 for part in self._ladder_parts(levels[start:start + LADDER_STEPS])]
        for index, part in enumerate(parts):
            level_notes = "\n\n".join(
                f"{lv.number}. {lv.title}: {ladder.levels[lv.number - 1].body.plain}"
                for lv in part)
            last_notes = notes if index == len(parts) - 1 else ""
            size = ladder_size(self.design, self.design.body_box(), part) or 14.0
            ladder_slide(self.writer, title if index == 0 else f"{title} {self.labels.continued}",
                         part, size, "\n\n".join(n for n in (level_notes, last_notes) if n))

    def _ladder_parts(self, levels: list[Level]) -> list[list[Level]]:
        """``levels`` on as few slides as their words and sizes allow (halving when not);
        a single level that still does not fit has its description shortened."""
        d = self.design
        room = d.body_box()
        if ladder_words(levels) <= d.max_words and ladder_size(d, room, levels):
            return [levels]
        if len(levels) > 1:
            middle = len(levels) // 2
            return self._ladder_parts(levels[:middle]) + self._ladder_parts(levels[middle:])
        return [shortened(d, room, levels)]

    def faq(self, section: Section) -> None:
        """Questions with their short answers; whole questions per slide, full answers in
        the notes."""
        questions = _only(section, Questions)
        d = self.design

        def make(size: float) -> list[TextBlock]:
            out = []
            for item in questions.items:
                out.append(TextBlock((Run(f"{self.labels.question} ", bold=True),
                                      Run(item.question, bold=True)), size, 0.0, size * 0.9))
                out.extend(TextBlock(b.runs, size - 2, d.bullet_indent, size * 0.25)
                           for b in self.blocks(slide_form(item.answer), size - 2, bullets=False))
            return out

        groups = _question_groups(make(d.body_sizes[2]))
        pages = spread_evenly(lambda cap: self._whole_questions(groups, cap),
                              sum(word_count(group) for group in groups), d.max_words)
        notes = []
        for page in pages:
            shown = {"".join(r.text for r in b.runs[1:]) for b in page if not b.indent}
            notes.append("\n\n".join(
                f"{self.labels.question} {q.question}\n{self.labels.answer} {q.answer.plain}"
                for q in questions.items if q.question in shown)
                or " ".join(r.text for b in page for r in b.runs))
        self.text_slides(section.title, pages, notes)

    def _whole_questions(self, groups: list[list[TextBlock]],
                         max_words: int) -> list[list[TextBlock]]:
        """Questions with their answers on slides of at most ``max_words``, whole where they
        fit one."""
        d = self.design
        pages: list[list[TextBlock]] = [[]]
        for group in groups:
            candidate = pages[-1] + group
            if pages[-1] and not self.fits(candidate, max_words=max_words):
                pages.append([])
                candidate = group
            if not self.fits(candidate):
                pages += paginate(d.measurer, group, d.inner_width(d.body_box()),
                                  d.inner_height(d.body_box()), d.max_words)
                pages.append([])
                continue
            pages[-1] = candidate
        return [page for page in pages if page]

    def closing(self, section: Section) -> None:
        """The closing words, large, with the brand's link and logo."""
        d = self.design
        text = _prose(section.elements)
        room = d.body_box()
        shown = self._shown(text)
        link = d.brand.meta.link
        spare = room.height * (0.6 if d.logo(large=True) else 0.8) - (24 if link else 0)
        for size in (28.0, 24.0, 20.0):
            blocks = [TextBlock(b.runs, size, 0.0, size * 0.5) for b in
                      self.blocks(shown, size, bullets=False)]
            if blocks_height(d.measurer, blocks, d.inner_width(room)) <= spare:
                self.writer.closing_slide(section.title, blocks, link, text.plain)
                return
        self.prose(section.title, text)


def _prose(elements: Sequence[object]) -> RichText:
    """The prose elements' text as one RichText (a single text keeps its short form)."""
    texts = [e.text for e in elements if isinstance(e, Prose)]
    if len(texts) == 1:
        return texts[0]
    return RichText("\n\n".join(t.source for t in texts),
                    tuple(b for t in texts for b in t.blocks))


def _subtitle(text: RichText) -> str:
    """A text's short form (or first sentences) as one line of plain text."""
    return " ".join(block.plain for block in slide_form(text).blocks)


def _line(text: RichText) -> tuple[Run, ...]:
    """A text's runs as one line (paragraphs joined by a space)."""
    runs: list[Run] = []
    for block in text.blocks:
        items = [block.runs] if isinstance(block, Paragraph) else [i.runs for i in block.items]
        for item in items:
            if runs:
                runs.append(Run(" "))
            runs.extend(item)
    return tuple(runs)


_Element = TypeVar("_Element")


def _only(section: Section, kind: type[_Element]) -> _Element:
    return next(e for e in section.elements if isinstance(e, kind))


def _plain(text: str) -> RichText:
    """Plain text (a title) as a one-paragraph RichText that slides show whole."""
    whole = RichText(text, (Paragraph((Run(text),)),))
    return RichText(text, whole.blocks, whole)


def _question_groups(blocks: list[TextBlock]) -> list[list[TextBlock]]:
    """Blocks grouped per question: the question, then its indented answer."""
    groups: list[list[TextBlock]] = []
    for block in blocks:
        if not block.indent or not groups:
            groups.append([block])
        else:
            groups[-1].append(block)
    return groups
