"""Comparisons read back from the deck: a row with more words than a slide holds is cut inside
its cells, evenly, its dimension repeated; seven to ten roles stay readable with every slide
within its words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from guidebuilder.run.job import Job, run_job

from conftest import write
from deckcheck import slide_words

MAX_WORDS = 85
ROLE_LABELS = [f"R{i}" for i in range(6)]
SENTENCE = "Plans the quarterly work with partners and reviews every result in writing"


def _roles(count: int) -> str:
    return "".join(f"  - {{id: r{i}, name: Role number {i}, short: R{i}}}\n"
                   for i in range(count))


def _guide(roles: int, dimensions: int, cell: str) -> str:
    rows = "".join(f"      - dimension: Dimension {n}\n        cells: {{"
                   + ", ".join(f"r{i}: '{cell}'" for i in range(roles)) + "}\n"
                   for n in range(dimensions))
    return f"title: T\nroles:\n{_roles(roles)}comparisons:\n  - title: C\n    rows:\n{rows}"


def _tables(tmp_path: Path, guide: str) -> list[tuple[str, object, int, list[float]]]:
    target = tmp_path / "deck.pptx"
    result = run_job(Job(write(tmp_path, guide), {"pptx": target}, None))
    assert result.error is None, result.error
    out = []
    for slide in Presentation(str(target)).slides:
        tables = [shape.table for shape in slide.shapes if shape.has_table]
        if tables:
            words, sizes = slide_words(slide)
            out.append((slide.shapes.title.text_frame.text, tables[0], words, sizes))
    return out


def test_a_row_over_the_budget_is_turned_and_cut_evenly(tmp_path: Path) -> None:
    long_cell = f"{SENTENCE}, then {SENTENCE.lower()}"  # one sentence of 25 words, six roles
    tables = _tables(tmp_path, _guide(6, 1, long_cell))
    assert len(tables) >= 2
    words = [w for _, _, w, _ in tables]
    assert max(words) <= MAX_WORDS
    assert max(words) - min(words) <= 0.5 * max(words)  # even parts, no stub continuation
    for _, table, _, sizes in tables:  # every role on every slide, a row each, wide
        assert [row.cells[0].text_frame.text for row in table.rows] == ["", *ROLE_LABELS]
        assert table.cell(0, 1).text_frame.text == "Dimension 0"
        assert min(sizes) >= 20
    first = [row.cells[1].text_frame.text for row in list(tables[0][1].rows)[1:]]
    last = [row.cells[1].text_frame.text for row in list(tables[-1][1].rows)[1:]]
    assert all(text.endswith("…") for text in first)  # cut after a clause, marked
    assert all(text.startswith("…") and text.endswith("writing") for text in last)
    titles = [title for title, _, _, _ in tables]
    assert titles == [f"C ({n}/{len(titles)})" for n in range(1, len(titles) + 1)]


def test_cut_points_prefers_the_end_of_a_point_then_of_a_clause() -> None:
    from guidebuilder.deck.kinds.comparison import cut_points
    from guidebuilder.guide.richtext import parse

    points = (parse("One two three four, five six seven eight nine ten"),)
    head, tail = cut_points(points, 2)
    assert [p.plain for p in head] == ["One two three four…"]  # never a lone "…" on a line
    assert [p.plain for p in tail] == ["…five six seven eight nine ten"]
    two = (parse("Alpha beta gamma delta"), parse("Epsilon zeta eta theta iota"))
    assert [[p.plain for p in part] for part in cut_points(two, 2)] == [
        ["Alpha beta gamma delta"], ["Epsilon zeta eta theta iota"]]


@pytest.mark.parametrize(("roles", "dimensions"), [(8, 3), (8, 6), (10, 2)])
def test_many_roles_stay_readable(tmp_path: Path, roles: int, dimensions: int) -> None:
    tables = _tables(tmp_path, _guide(roles, dimensions, "Owns the pipeline review"))
    shown = set()
    for _, table, words, sizes in tables:
        assert words <= MAX_WORDS
        assert min(sizes) >= 16
        texts = [cell.text_frame.text for row in table.rows for cell in row.cells]
        shown |= {f"R{i}" for i in range(roles) if f"R{i}" in texts
                  or f"Role number {i}" in texts}
    assert shown == {f"R{i}" for i in range(roles)}  # every role is shown


@pytest.mark.parametrize(("roles", "dimensions"), [(8, 3), (10, 2)])
def test_many_roles_of_few_dimensions_are_all_on_every_slide(tmp_path: Path, roles: int,
                                                               dimensions: int) -> None:
    tables = _tables(tmp_path, _guide(roles, dimensions, "Owns the pipeline review"))
    for _, table, words, sizes in tables:
        labels = [row.cells[0].text_frame.text for row in list(table.rows)[1:]]
        assert labels == [f"R{i}" for i in range(roles)]  # a row per role, short labels
        assert words <= MAX_WORDS and min(sizes) >= 16
    shown = {cell.text_frame.text for _, table, _, _ in tables for cell in table.rows[0].cells}
    assert {f"Dimension {n}" for n in range(dimensions)} <= shown


def test_a_long_row_label_word_is_never_broken(tmp_path: Path) -> None:
    from pptx.util import Emu

    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.text.measure import Measurer

    measurer = Measurer(DEFAULT_BRAND.typography.base, DEFAULT_BRAND.typography.mono)
    guide = _guide(4, 3, "Owns it").replace("Dimension 1", "Weisungsbefugnisübertragung")
    for _, table, _, _ in _tables(tmp_path, guide):
        width = Emu(table.columns[0].width).pt
        for row in list(table.rows)[1:]:
            run = row.cells[0].text_frame.paragraphs[0].runs[0]
            for word in run.text.split():
                assert measurer.width(word, run.font.size.pt, bold=True) <= width - 2 * 7.2
