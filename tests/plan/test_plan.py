"""The plan: section order and kinds, audience filtering, tables, and the shared layout rules."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from guidebuilder.guide.load import load_guide
from guidebuilder.plan.build import build_plan
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    Ladder,
    Prose,
    Questions,
    SectionKind,
    Table,
)
from guidebuilder.plan.layout import HEADER_CHARS, bullet_marker, dimension_share, header_names

from conftest import SEED, write

GUIDE = """title: T
summary: Intro.
roles:
  - id: a
    name: Alpha
    short: A
    summary: About alpha.
    responsibilities: [{title: R1, text: r1}, {title: R2, audience: [recruiter]}]
    tasks: [t1]
    career: {levels: [{title: L1}, {title: L2, audience: [hr]}], notes: n}
  - {id: b, name: Beta, audience: [hr]}
comparisons:
  - title: C
    intro: i
    rows:
      - {dimension: D1, cells: {a: x, b: [y, z]}}
      - {dimension: D2, cells: {b: w}, audience: [hr]}
faq: [{question: Q?, answer: A.}]
closing: Bye.
"""


@pytest.fixture
def guide(tmp_path: Path):
    return load_guide(write(tmp_path, GUIDE)).guide


def test_sections_in_order_with_kinds(guide) -> None:
    plan = build_plan(guide)
    assert [(s.kind, s.title) for s in plan.sections] == [
        (SectionKind.INTRODUCTION, "Introduction"), (SectionKind.COMPARISON, "C"),
        (SectionKind.ROLE, "Alpha"), (SectionKind.FAQ,  # Beta: only a name, no chapter
        "Frequently asked questions"), (SectionKind.CLOSING, "Closing")]
    alpha = plan.sections[2]
    assert [c.kind for c in alpha.children] == [
        SectionKind.RESPONSIBILITIES, SectionKind.TASKS, SectionKind.CAREER]
    assert [type(e) for e in alpha.children[2].elements] == [Ladder, Prose]
    assert isinstance(alpha.children[0].elements[0], Definitions)
    assert isinstance(alpha.children[1].elements[0], Bullets)
    assert isinstance(plan.sections[3].elements[0], Questions)
    assert len({s.key for s in plan.sections}) == len(plan.sections)


def test_table_columns_follow_roles_and_cells(guide) -> None:
    table = build_plan(guide).sections[1].elements[1]
    assert isinstance(table, Table)
    assert (table.columns, table.short_columns) == (("Alpha", "Beta"), ("A", "Beta"))
    assert [r.dimension for r in table.rows] == ["D1", "D2"]
    assert [[p.plain for p in cell] for cell in table.rows[0].cells] == [["x"], ["y", "z"]]
    assert table.rows[1].cells[0] == ()


def test_audience_keeps_items_without_one_and_its_own(guide) -> None:
    recruiter = build_plan(guide, "recruiter")
    assert [s.title for s in recruiter.sections if s.kind is SectionKind.ROLE] == ["Alpha"]
    table = recruiter.sections[1].elements[1]
    assert table.columns == ("Alpha",) and [r.dimension for r in table.rows] == ["D1"]
    responsibilities = recruiter.sections[2].children[0].elements[0]
    assert [d.term for d in responsibilities.items] == ["R1", "R2"]
    ladder = recruiter.sections[2].children[2].elements[0]
    assert [d.term for d in ladder.levels] == ["L1"]
    hr = build_plan(guide, "hr")
    assert [d.term for d in hr.sections[2].children[0].elements[0].items] == ["R1"]


def test_date_line_and_timestamp(guide) -> None:
    when = datetime(2024, 5, 6)
    assert build_plan(guide, timestamp=when).meta.date_line == "May 6, 2024"
    assert build_plan(guide).meta.date_line == ""
    seed = build_plan(load_guide(SEED).guide, timestamp=when)
    assert seed.meta.title == "Product Manager vs Program Manager"


@pytest.mark.parametrize(("number", "level", "marker"), [
    (None, 0, "•"), (None, 1, "–"), (None, 3, "–"), (3, 0, "3."), (1, 2, "1.")])
def test_bullet_marker(number: int | None, level: int, marker: str) -> None:
    assert bullet_marker(number, level) == marker


def test_header_names_full_for_few_roles_short_for_many() -> None:
    assert header_names(("Alpha", "Beta"), ("A", "B")) == ["Alpha", "Beta"]
    assert header_names(tuple("ABCD"), tuple("abcd")) == list("abcd")
    long = header_names(("x " * 100,), ("x",))[0]
    assert len(long) <= HEADER_CHARS and long.endswith("…")
    assert dimension_share(2) > dimension_share(5)


def test_a_role_with_nothing_but_its_name_has_no_chapter(tmp_path: Path) -> None:
    """A thin guide compares roles in a table and says nothing more of them: no empty role
    chapter (in the handbook, heading over nothing; in the deck, empty cards), and an
    audience that sees such roles still has a build."""
    from guidebuilder.run.job import Job, run_job

    guide = write(tmp_path, """title: T
roles:
  - {id: a, name: Alpha, audience: [it]}
  - {id: b, name: Beta, summary: Does things., audience: [hr]}
comparisons:
  - title: C
    rows:
      - {dimension: D, cells: {a: x, b: y}}
""")
    plan = build_plan(load_guide(guide).guide)
    assert [s.title for s in plan.sections if s.kind is SectionKind.ROLE] == ["Beta"]
    assert plan.sections[0].elements[0].columns == ("Alpha", "Beta")  # still compared
    targets = {"pdf": tmp_path / "g.pdf", "pptx": tmp_path / "g.pptx"}
    assert run_job(Job(guide, targets, audience="it")).error is None  # Alpha alone
    assert run_job(Job(guide, targets, audience="sales")).error is not None  # a wrong name


def test_shortened_headers_are_keyed_under_the_table_and_in_the_notes(tmp_path: Path) -> None:
    """Five roles are headed by their short labels ("DE" reads as Germany without a key)."""
    from pptx import Presentation
    from pypdf import PdfReader

    from guidebuilder.plan.layout import header_key
    from guidebuilder.run.job import Job, run_job

    assert header_key(("Alpha", "Beta"), ("A", "B")) == ""  # full names: nothing to key
    names = ["Data Engineer", "Data Scientist", "ML Engineer", "Analytics Engineer", "BI Analyst"]
    roles = "".join(f"  - {{id: r{i}, name: {n}, short: S{i}}}\n" for i, n in enumerate(names))
    cells = "".join(f"          r{i}: x\n" for i in range(5))
    guide = write(tmp_path, f"title: T\nroles:\n{roles}comparisons:\n  - title: C\n    rows:\n"
                            f"      - dimension: D\n        cells:\n{cells}")
    key = " · ".join(f"S{i}: {n}" for i, n in enumerate(names))
    assert header_key(tuple(names), tuple(f"S{i}" for i in range(5))) == key
    targets = {"pdf": tmp_path / "g.pdf", "pptx": tmp_path / "g.pptx"}
    assert run_job(Job(guide, targets)).error is None
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(targets["pdf"]).pages)
    assert key in text
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(targets["pptx"]).slides
             if s.has_notes_slide]
    assert any(key in n for n in notes)


@pytest.mark.parametrize(("tag", "line"), [
    ("en-GB", "6 May 2024"), ("de", "6. Mai 2024"), ("pl", "6 maja 2024"),
    ("el", "6 Μαΐου 2024"), ("ja", "2024年5月6日"), ("xx", "2024-05-06")])
def test_a_build_date_is_written_as_the_guides_language_writes_it(tag: str, line: str) -> None:
    """A guide without a date shows its build's date in full, in its language (ISO 8601 for
    a language without such data); the same again when remembered."""
    from guidebuilder.plan.labels import long_date

    assert long_date(datetime(2024, 5, 6).date(), tag) == line
    assert long_date(datetime(2024, 5, 6).date(), tag) == line
