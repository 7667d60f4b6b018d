"""FAQ slides: whole questions with short answers per slide, full answers in the notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidebuilder.deck.geometry import Box
from guidebuilder.deck.kinds.text import alike, fits, grown, text_slides
from guidebuilder.deck.slides import SlideWriter
from guidebuilder.deck.text import rich_blocks
from guidebuilder.guide.richtext import Run
from guidebuilder.plan.document import Question, Questions
from guidebuilder.plan.layout import slide_form
from guidebuilder.text.blocks import TextBlock, blocks_height, paginate, spread_pages, word_count


@dataclass
class _Page:
    """What one slide shows, and the questions it asks (a question cut over slides is asked
    on the slide its start is on)."""

    blocks: list[TextBlock] = field(default_factory=list)
    asked: list[Question] = field(default_factory=list)


SHORT_ANSWER = 3  # words: an answer this short is set on its question's line


def faq_slides(writer: SlideWriter, title: str, questions: Questions) -> None:
    """The questions over as few slides as their words allow, evenly filled, each slide's
    type then as large as it fits."""
    d = writer.design
    groups = [_question_blocks(writer, item, d.continued_size) for item in questions.items]
    pages = spread_pages(lambda share: _whole_questions(writer, questions.items, groups, share))
    notes = [_notes(writer, questions, page) for page in pages]
    text_slides(writer, title, alike([grown(d, page.blocks) for page in pages]), notes)


def _notes(writer: SlideWriter, questions: Questions, page: _Page) -> str:
    """The questions a slide asks with their full answers (every question worded alike, in
    the plan's order); a slide that only continues an answer repeats what it shows."""
    labels = writer.labels
    asked = {item.question for item in page.asked}
    return ("\n\n".join(f"{labels.question} {q.question}\n{labels.answer} {q.answer.plain}"
                         for q in questions.items if q.question in asked)
            or " ".join(r.text for b in page.blocks for r in b.runs))


def _question_blocks(writer: SlideWriter, item: Question, size: float) -> list[TextBlock]:
    """A question in bold, then its short answer indented, a size smaller; an answer of a
    few words ("Yes.") follows the question on its line, so it never stands alone."""
    d = writer.design
    answer = rich_blocks(slide_form(item.answer), size - 2, d, bullets=False)
    asked = (Run(f"{writer.labels.question} ", bold=True), Run(item.question, bold=True))
    if len(answer) == 1 and word_count(answer) <= SHORT_ANSWER:
        return [TextBlock((*asked, Run(" "), *answer[0].runs), size, 0.0, size * 0.9)]
    return [TextBlock(asked, size, 0.0, size * 0.9),
            *(TextBlock(b.runs, size - 2, d.bullet_indent + b.indent, size * 0.25, b.bullet,
                        b.level, hang=b.hang) for b in answer)]


def _cut(writer: SlideWriter, group: list[TextBlock],
         again: list[TextBlock]) -> list[list[TextBlock]]:
    """A question and its answer over evenly filled slides, each after the first leaving
    room for ``again`` (the question asked again) above its part."""
    d = writer.design
    room = d.body_box()
    width = d.inner_width(room)
    height = d.inner_height(room) - blocks_height(d.measurer, again, width)
    words = d.max_words - word_count(again)
    return spread_pages(lambda share: paginate(d.measurer, group, width, height * share,
                                               int(words * share)))


def _whole_questions(writer: SlideWriter, items: tuple[Question, ...],
                     groups: list[list[TextBlock]], share: float) -> list[_Page]:
    """Questions with their answers on slides filled to ``share`` of their room and words,
    whole where they fit one."""
    d = writer.design
    room = d.body_box()
    part = Box(room.left, room.top, room.width, room.height * share)
    max_words = int(d.max_words * share)
    pages = [_Page()]
    for item, group in zip(items, groups, strict=True):
        candidate = pages[-1].blocks + group
        if pages[-1].blocks and not fits(d, candidate, part, max_words):
            pages.append(_Page())
            candidate = group
        if not fits(d, candidate):  # cut over slides, the question asked again on each
            again = [TextBlock((*group[0].runs, Run(f" {writer.labels.continued}")),
                               group[0].size)]
            pages += [_Page(cut, [item]) if cut[0] is group[0] else _Page([*again, *cut])
                      for cut in _cut(writer, group, again)]
            pages.append(_Page())
            continue
        pages[-1].blocks = candidate
        pages[-1].asked.append(item)
    return [page for page in pages if page.blocks]
