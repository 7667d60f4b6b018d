"""FAQ slides: whole questions with short answers per slide, full answers in the notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidebuilder.deck.kinds.text import fits, text_slides
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import Question, Questions
from guidebuilder.plan.layout import slide_form
from guidebuilder.text.blocks import TextBlock, paginate, spread_evenly, word_count


@dataclass
class _Page:
    """What one slide shows, and the questions it asks (a question cut over slides is asked
    on the slide its start is on)."""

    blocks: list[TextBlock] = field(default_factory=list)
    asked: list[Question] = field(default_factory=list)


def faq_slides(writer: SlideWriter, title: str, questions: Questions) -> None:
    """The questions over as few slides as their words allow, evenly filled."""
    d = writer.design
    groups = [_question_blocks(writer, item, d.body_sizes[2]) for item in questions.items]
    pages = spread_evenly(lambda cap: _whole_questions(writer, questions.items, groups, cap),
                          sum(word_count(group) for group in groups), d.max_words)
    notes = [_notes(writer, questions, page) for page in pages]
    text_slides(writer, title, [page.blocks for page in pages], notes)


def _notes(writer: SlideWriter, questions: Questions, page: _Page) -> str:
    """The questions a slide asks with their full answers (every question worded alike, in
    the plan's order); a slide that only continues an answer repeats what it shows."""
    labels = writer.labels
    asked = {item.question for item in page.asked}
    return ("\n\n".join(f"{labels.question} {q.question}\n{labels.answer} {q.answer.plain}"
                         for q in questions.items if q.question in asked)
            or " ".join(r.text for b in page.blocks for r in b.runs))


def _question_blocks(writer: SlideWriter, item: Question, size: float) -> list[TextBlock]:
    """A question in bold, then its short answer indented, a size smaller."""
    d = writer.design
    question = TextBlock((Run(f"{writer.labels.question} ", bold=True),
                          Run(item.question, bold=True)), size, 0.0, size * 0.9)
    return [question, *(TextBlock(b.runs, size - 2, d.bullet_indent, size * 0.25)
                        for b in rich_blocks(slide_form(item.answer), size - 2, d, bullets=False))]


def _whole_questions(writer: SlideWriter, items: tuple[Question, ...],
                     groups: list[list[TextBlock]], max_words: int) -> list[_Page]:
    """Questions with their answers on slides of at most ``max_words``, whole where they
    fit one."""
    d = writer.design
    room = d.body_box()
    pages = [_Page()]
    for item, group in zip(items, groups, strict=True):
        candidate = pages[-1].blocks + group
        if pages[-1].blocks and not fits(d, candidate, max_words=max_words):
            pages.append(_Page())
            candidate = group
        if not fits(d, candidate):
            parts = paginate(d.measurer, group, d.inner_width(room), d.inner_height(room),
                             d.max_words)
            pages += [_Page(part, [item] if part[0] is group[0] else []) for part in parts]
            pages.append(_Page())
            continue
        pages[-1].blocks = candidate
        pages[-1].asked.append(item)
    return [page for page in pages if page.blocks]
