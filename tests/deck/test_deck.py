"""The deck, reopened with python-pptx: titles, content, notes, geometry, fitting, determinism."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from guidebuilder.guide.load import load_guide
from guidebuilder.run.job import Job, run_job

from conftest import SEED, write
from deckcheck import overflows

PT = 12700
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def build_deck(guide: Path, target: Path, brand: Path | None = None) -> Path:
    result = run_job(Job(guide, {"pptx": target}, brand))
    assert result.error is None, result.error
    return target


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return " ".join(parts)


def test_slide_titles_in_order(seed_pptx: Path) -> None:
    titles = [s.shapes.title.text for s in Presentation(seed_pptx).slides]
    assert titles == [
        "Product Manager vs Program Manager", "Agenda", "Introduction", "Key Differences",
        "Essential Skills and Skill Differences", "Product Manager",
        "Product Manager: Career path", "Program Manager", "Program Manager: Career path",
        "Frequently asked questions (1/4)", "Frequently asked questions (2/4)",
        "Frequently asked questions (3/4)", "Frequently asked questions (4/4)", "Closing"]


def test_every_item_is_on_a_slide_or_in_its_notes(seed_pptx: Path) -> None:
    prs = Presentation(seed_pptx)
    everything = " ".join(slide_text(s) + " " + s.notes_slide.notes_text_frame.text
                          for s in prs.slides)
    everything = " ".join(everything.split())
    guide = load_guide(SEED).guide
    items = [guide.title, guide.subtitle, guide.credits, guide.summary.plain, guide.closing.plain]
    for role in guide.roles:
        items += [role.name, role.summary.plain, role.career.notes.plain]
        items += [f"{r.title}: {r.text.plain}" for r in role.responsibilities]
        items += [t.plain for t in role.tasks]
        items += [f"{lv.title}: {lv.text.plain}" for lv in role.career.levels]
    for comparison in guide.comparisons:
        items += [comparison.title, comparison.intro.plain, comparison.notes.plain]
        for row in comparison.rows:
            items.append(row.dimension)
            items += [p.plain for points in row.cells.values() for p in points]
    items += [e.question for e in guide.faq] + [e.answer.plain for e in guide.faq]
    for item in items:
        for paragraph in item.split("\n\n"):
            assert " ".join(paragraph.split()) in everything, paragraph[:80]


def test_every_slide_but_the_title_has_notes_footer_and_number(seed_pptx: Path) -> None:
    prs = Presentation(seed_pptx)
    for number, slide in enumerate(prs.slides, start=1):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        if number == 1:
            continue
        names = {shape.name: shape for shape in slide.shapes}
        assert "Footer" not in names  # the built-in brand names no organisation
        assert names["Slide Number"].text_frame.text == str(number)
        assert b'type="slidenum"' in names["Slide Number"]._element.xml.encode()


def test_no_shape_outside_the_slide(seed_pptx: Path, stress_outputs: dict[str, Path]) -> None:
    for deck in (seed_pptx, stress_outputs["pptx"]):
        prs = Presentation(deck)
        for slide in prs.slides:
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0
                assert shape.left + shape.width <= prs.slide_width
                bottom = shape.top + (sum(r.height for r in shape.table.rows)
                                      if shape.has_table else shape.height)
                assert bottom <= prs.slide_height, (slide.shapes.title.text, shape.name)


def test_measured_text_fits_every_box(seed_pptx: Path, stress_outputs: dict[str, Path]) -> None:
    assert overflows(seed_pptx) == []
    assert overflows(stress_outputs["pptx"]) == []


def test_font_sizes_never_below_minimums(stress_outputs: dict[str, Path]) -> None:
    prs = Presentation(stress_outputs["pptx"])
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name in ("Footer", "Slide Number"):
                continue
            if shape.has_table:
                sizes = [r.font.size.pt for row in shape.table.rows for c in row.cells
                         for p in c.text_frame.paragraphs for r in p.runs]
                assert min(sizes) >= 12
            elif shape.has_text_frame and shape.name != "Credits":
                sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs]
                assert not sizes or min(sizes) >= 12


def test_continuation_slides_repeat_the_table_header(stress_outputs: dict[str, Path]) -> None:
    prs = Presentation(stress_outputs["pptx"])
    tables = [(s.shapes.title.text, shape.table) for s in prs.slides for shape in s.shapes
              if shape.has_table]
    assert len(tables) > 3
    assert any(re.search(r" \(\d+/\d+\)$", title) for title, _ in tables)
    headers = {tuple(c.text for c in table.rows[0].cells) for _, table in tables}
    assert headers == {("", "R1", "R2", "R3", "R4")}


def test_ladder_is_native_shapes_with_a_line_per_level(seed_pptx: Path) -> None:
    prs = Presentation(seed_pptx)
    slide = next(s for s in prs.slides if s.shapes.title.text == "Product Manager: Career path")
    steps = sorted((s for s in slide.shapes if s.name.startswith("Level ")
                    and not s.name.endswith("description")), key=lambda s: -s.top)
    assert [s.text_frame.text for s in steps][:2] == ["1.\tAssociate Product Manager",
                                                      "2.\tProduct Manager"]
    paragraph = steps[0].text_frame.paragraphs[0]._p  # a wrapped title goes on under itself
    assert int(paragraph.pPr.get("marL")) == -int(paragraph.pPr.get("indent")) > 0
    assert len(steps) == 5
    assert all(a.width < b.width for a, b in itertools.pairwise(steps))  # rising steps
    lines = {s.name: s.text_frame.text for s in slide.shapes if s.name.endswith("description")}
    assert lines["Level 1 description"] == (
        "Learn development cycles, user experience and market research")
    assert "Individuals starting their career" in slide.notes_slide.notes_text_frame.text


def test_determinism_and_properties(tmp_path: Path, seed_pptx: Path, monkeypatch) -> None:
    again = build_deck(SEED, tmp_path / "again.pptx")
    assert again.read_bytes() == seed_pptx.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = build_deck(SEED, tmp_path / "dated.pptx")
    props = Presentation(dated).core_properties
    assert props.created.year == 2023 and props.title == "Product Manager vs Program Manager"
    assert dated.read_bytes() == build_deck(SEED, tmp_path / "dated2.pptx").read_bytes()


def test_slide_sizes(tmp_path: Path, seed_pptx: Path) -> None:
    prs = Presentation(seed_pptx)
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    brand = write(tmp_path, "defaults:\n  guidebuilder:\n    slide-size: '4:3'\n", "_brand.yml")
    small = Presentation(build_deck(SEED, tmp_path / "four-three.pptx", brand))
    assert (small.slide_width, small.slide_height) == (Emu(9144000), Emu(6858000))
    assert overflows(tmp_path / "four-three.pptx") == []


def test_dimension_taller_than_a_slide_is_split_not_looped(tmp_path: Path) -> None:
    import sys

    from stressguide import LONG_WORD

    roles = ", ".join(f"{{id: {r}, name: {r.upper()}}}" for r in "abc")
    guide = write(tmp_path, f"title: T\nroles: [{roles}]\n"
                            "comparisons:\n  - title: C\n    rows:\n"
                            f"      - dimension: \"{LONG_WORD[:300]}\"\n"
                            f"        cells: {{a: \"{' '.join(['long cell text'] * 40)}.\"}}\n")
    narrow = write(tmp_path, "defaults:\n  guidebuilder:\n    slide-size: '4:3'\n", "_brand.yml")
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "slides", str(guide), "-o",
                             str(tmp_path / "d.pptx"), "--brand", str(narrow)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    titles = [s.shapes.title.text for s in Presentation(tmp_path / "d.pptx").slides]
    assert titles.count("C") + sum(t.startswith("C (") for t in titles) >= 2
    assert overflows(tmp_path / "d.pptx") == []


def test_six_roles_are_shown_side_by_side_under_their_short_labels(tmp_path: Path) -> None:
    roles = "".join(f"  - {{id: r{i}, name: Role number {i}, short: R{i}}}\n" for i in range(6))
    cells = ", ".join(f"r{i}: point {i}" for i in range(6))
    guide = write(tmp_path, f"title: T\nroles:\n{roles}comparisons:\n  - title: C\n    rows:\n"
                            f"      - dimension: D\n        cells: {{{cells}}}\n")
    deck = build_deck(guide, tmp_path / "six.pptx")
    tables = [shape.table for slide in Presentation(deck).slides for shape in slide.shapes
              if shape.has_table]
    assert [[c.text for c in t.rows[0].cells] for t in tables] == [
        ["", *(f"R{i}" for i in range(6))]]
    assert [c.text for c in tables[0].rows[1].cells] == ["D", *(f"point {i}" for i in range(6))]


def test_long_subtitle_credits_and_footer_are_fitted(tmp_path: Path) -> None:
    names = ", ".join(f"Person {i}" for i in range(80))
    guide = write(tmp_path, f"title: T\nsubtitle: \"{'A long subtitle ' * 18}\"\n"
                            f"credits: \"Written by {names}.\"\n"
                            "roles: [{id: a, name: A, summary: S.}]\n")
    brand = write(tmp_path, f"defaults:\n  guidebuilder:\n    footer: \"{'Footer ' * 60}\"\n",
                  "_brand.yml")
    deck = build_deck(guide, tmp_path / "long.pptx", brand)
    assert overflows(deck) == []
    prs = Presentation(deck)
    footer = next(s for s in prs.slides[1].shapes if s.name == "Footer").text_frame.text
    assert footer.endswith("…") and len(footer) < 200
    assert f"Written by {names}." in prs.slides[0].notes_slide.notes_text_frame.text
