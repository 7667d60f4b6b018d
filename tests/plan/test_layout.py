"""The page rules of plan/layout.py: where chapters and their parts begin, which need a
landscape page, and which keep the item before them."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from guidebuilder.guide.load import load_guide
from guidebuilder.guide.richtext import RichText
from guidebuilder.plan.document import (
    DocumentInfo,
    DocumentPlan,
    Labels,
    Prose,
    Section,
    SectionKind,
    Table,
)
from guidebuilder.plan.layout import (
    PORTRAIT_TABLE_COLUMNS,
    PageStart,
    chapter_start,
    keeps_with_previous,
    needs_wide_page,
    part_start,
    shares_wide_page,
    shortened_on_slides,
)

from conftest import write

K = SectionKind
FLOW, ROOMY, NEW, OWN = PageStart.FLOW, PageStart.ROOMY, PageStart.NEW_PAGE, PageStart.OWN_PAGE
WIDE = "wide"  # marks a chapter holding a table of many roles
TEXT = Prose(RichText("", ()))


def _table(columns: int) -> Table:
    return Table(tuple(f"Role {n}" for n in range(columns)),
                 tuple(f"R{n}" for n in range(columns)), ())


def _section(kind: SectionKind, wide: bool = False, children: tuple[Section, ...] = ()) -> Section:
    elements = (_table(PORTRAIT_TABLE_COLUMNS + 1),) if wide else (TEXT,)
    return Section(kind.value, kind, kind.value.title(), elements, children)


def _plan(*chapters: SectionKind | tuple[SectionKind, str]) -> DocumentPlan:
    labels = Labels(**{field.name: "x" for field in fields(Labels)})
    sections = tuple(_section(c[0], wide=True) if isinstance(c, tuple) else _section(c)
                     for c in chapters)
    return DocumentPlan(DocumentInfo("T", "", "", "", "en", labels), sections)


@pytest.mark.parametrize(("columns", "wide"), [
    (1, False), (PORTRAIT_TABLE_COLUMNS, False), (PORTRAIT_TABLE_COLUMNS + 1, True),
    (PORTRAIT_TABLE_COLUMNS + 4, True)])
def test_a_table_of_many_roles_needs_a_wide_page(columns: int, wide: bool) -> None:
    section = Section("c", K.COMPARISON, "C", (TEXT, _table(columns)))
    assert needs_wide_page(section) is wide


def test_only_a_sections_own_tables_make_it_wide() -> None:
    assert not needs_wide_page(_section(K.COMPARISON, children=(_section(K.COMPARISON, True),)))
    assert not needs_wide_page(Section("e", K.INTRODUCTION, "Empty"))


@pytest.mark.parametrize(("chapters", "starts"), [
    ((K.INTRODUCTION, K.COMPARISON, K.CLOSING), [OWN, ROOMY, FLOW]),
    ((K.INTRODUCTION, K.COMPARISON, K.ROLE, K.ROLE, K.FAQ, K.CLOSING),
     [OWN, ROOMY, OWN, OWN, OWN, FLOW]),
    ((K.INTRODUCTION, (K.COMPARISON, WIDE), K.COMPARISON, (K.COMPARISON, WIDE), K.CLOSING),
     [OWN, NEW, NEW, NEW, NEW]),
    ((K.ROLE, K.FAQ), [OWN, OWN]),
    (((K.COMPARISON, WIDE), K.ROLE), [NEW, NEW]),
    # a wide comparison goes on on the landscape page the one before ends on, given room
    (((K.COMPARISON, WIDE), (K.COMPARISON, WIDE), (K.ROLE, WIDE), K.CLOSING),
     [NEW, ROOMY, NEW, NEW]),
    ((K.FAQ,), [OWN]),
])
def test_where_each_chapter_begins(chapters: tuple[SectionKind | tuple[SectionKind, str], ...],
                                   starts: list[PageStart]) -> None:
    plan = _plan(*chapters)
    assert [chapter_start(plan, index) for index in range(len(chapters))] == starts


@pytest.mark.parametrize(("together", "starts"), [(True, [NEW, FLOW, NEW]),
                                                  (False, [OWN, NEW, NEW])])
def test_a_chapter_before_a_wide_one_shares_its_page_when_both_fit(
        together: bool, starts: list[PageStart]) -> None:
    plan = _plan(K.INTRODUCTION, (K.COMPARISON, WIDE), K.ROLE)
    def fits(first: Section, then: Section) -> bool:
        return together

    assert [chapter_start(plan, index, needs_wide_page, fits) for index in range(3)] == starts
    assert shares_wide_page(plan, 0, needs_wide_page, fits) is together
    assert not shares_wide_page(_plan(K.ROLE, (K.COMPARISON, WIDE)), 0, needs_wide_page, fits)


@pytest.mark.parametrize("kind", list(SectionKind))
def test_every_kind_of_chapter_has_a_start(kind: SectionKind) -> None:
    assert chapter_start(_plan(K.INTRODUCTION, kind), 1) in PageStart


@pytest.mark.parametrize(("wide", "start"), [(False, FLOW), (True, NEW)])
def test_a_part_begins_a_page_only_when_wide(wide: bool, start: PageStart) -> None:
    assert part_start(_section(K.RESPONSIBILITIES, wide)) is start


@pytest.mark.parametrize("kind", list(SectionKind))
def test_only_the_closing_words_keep_the_item_before_them(kind: SectionKind) -> None:
    assert keeps_with_previous(_section(kind)) is (kind is K.CLOSING)


def test_the_seed_handbook_opens_roles_and_the_faq_on_pages_of_their_own(seed_plan) -> None:
    starts = {section.kind: chapter_start(seed_plan, index)
              for index, section in enumerate(seed_plan.sections) if index}
    assert starts[K.ROLE] is starts[K.FAQ] is OWN
    assert starts[K.CLOSING] is FLOW


SHORTENED_GUIDE = """title: T
roles:
  - id: a
    name: A
    summary: Short.
    tasks:
      - "Plan the week. Then review it with the team. On Friday."
      - {text: "Long. Longer still with many more words than needed. Yes.", slide: Long}
    career: {levels: [{title: L, text: "Yes. It takes a few years of work. Or more."}]}
comparisons:
  - title: C
    rows:
      - dimension: D
        cells: {a: ["One.", "Two words. And a third long sentence here. Not needed."]}
faq:
  - question: Q?
    answer: "No. Not at first, but later the team expects it. Really."
  - question: Q2?
    answer: "Yes."
"""


def test_shortened_texts_are_listed_with_their_paths(tmp_path: Path) -> None:
    guide = load_guide(write(tmp_path, SHORTENED_GUIDE)).guide
    found = {item.path: item.shown for item in shortened_on_slides(guide)}
    assert found == {
        "roles[0].tasks[0]": "Plan the week. Then review it with the team.",
        "roles[0].career.levels[0].text": "Yes. It takes a few years of work.",
        "comparisons[0].rows[0].cells.a[1]": "Two words. And a third long sentence here.",
        "faq[0].answer": "No. Not at first, but later the team expects it.",
    }


@pytest.mark.parametrize(("source", "shown"), [
    # the sentence that introduces a list stays with it when the paragraph is shortened
    ("Yes, and more often now. Knowing the floor helps a lot with planning. To do so:\n\n"
     "- take a course,\n- join a project.",
     "Yes, and more often now. Knowing the floor helps a lot with planning. To do so:"),
    # with no list after it, a paragraph is shortened as any other
    ("Yes, and more often now. Knowing the floor helps a lot with planning. To do so:",
     "Yes, and more often now. Knowing the floor helps a lot with planning."),
])
def test_a_shortened_paragraph_keeps_the_lead_in_of_its_list(source: str, shown: str) -> None:
    from guidebuilder.guide.richtext import parse
    from guidebuilder.plan.layout import slide_form

    assert slide_form(parse(source)).blocks[0].plain == shown
