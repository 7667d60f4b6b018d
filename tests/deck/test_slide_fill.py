"""Slides that fill their space and keep their meaning, read back from the deck: no content
slide with its text huddled at the top in small type, every role of a comparison on every
slide, thin roles gathered, no "Yes." alone, the divider numbered as the agenda."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.deck.design import Design
from guidebuilder.run.job import Job, run_job
from guidebuilder.text.blocks import blocks_height
from guidebuilder.text.measure import Measurer

from conftest import ROOT, SEED, write
from deckcheck import _blocks, _CellFrame, _margin, is_divider, overflows, slide_words

FILL = 0.6  # of the body's height the content reaches, unless its median type is 24 pt or more
MEASURER = Measurer(DEFAULT_BRAND.typography.base, DEFAULT_BRAND.typography.mono)
BODY = Design(DEFAULT_BRAND, 960.0, 540.0, MEASURER, MEASURER).body_box()
FURNITURE = ("Footer", "Slide Number", "Logo", "Title", "Subtitle")

SIX = "".join(f"  - {{id: r{i}, name: Role number {i}, short: R{i}}}\n" for i in range(6))
ROWS = "".join(
    f"      - dimension: Dimension {n}\n        cells: {{"
    + ", ".join(f"r{i}: 'Point {n} for role {i}'" for i in range(6))
    + "}\n" for n in range(7))
THIN = "".join(
    f"  - id: r{i}\n    name: Role {i}\n    short: R{i}\n    summary: Does thing {i}.\n"
    f"    responsibilities: [{{title: Duty {i}, text: Does it well.}}]\n"
    f"    tasks: [Task {i}.]\n    career: {{levels: [{{title: Junior}}, {{title: Senior}}]}}\n"
    for i in range(6))
FAQ = "".join(f"  - question: Is question {n} answered in one word?\n    answer: "
              f"\"{'Yes.' if n % 2 else 'No.'}\"\n" for n in range(8))
FAQ += ("  - question: And a longer answer?\n    answer: Yes. It goes on with a second sentence "
        "that explains why. And a third one the slide leaves out.\n")
SPANISH = ["Atraer tráfico orgánico cualificado desde los buscadores, sin pagar por cada clic",
           "Descubrimiento y consideración, cuando el cliente busca información o soluciones",
           "Convertir contactos en clientes y aumentar la repetición de compra habitual",
           "Comunicación corporativa, atención al cliente y planificación presupuestaria"]
LONG_WORDED = "".join(
    f"      - dimension: Dimensión comparativa {n}\n        cells: {{"
    + ", ".join(f"r{i}: '{SPANISH[(n + i) % 4]}, perfil {i}.'" for i in range(6))
    + "}\n" for n in range(5))
PAIR = """title: T
roles: [{id: a, name: Analyst, short: An}, {id: b, name: Builder, short: Bu}]
comparisons:
  - title: Daily work
    intro: How the day looks.
    rows:
      - {dimension: Focus, cells: {a: Reports, b: Systems}}
      - {dimension: Tools, cells: {a: [SQL, Excel], b: [Python, Git]}}
  - title: Career
    rows:
      - {dimension: Entry, cells: {a: Graduate scheme, b: Apprenticeship}}
      - {dimension: Next step, cells: {a: Lead analyst, b: Staff engineer}}
"""
GUIDES = {
    "six-role comparison": f"title: T\nroles:\n{SIX}comparisons:\n  - title: C\n    rows:\n{ROWS}",
    "six long-worded roles": f"title: T\nroles:\n{SIX}comparisons:\n  - title: C\n    rows:\n"
                             f"{LONG_WORDED}",
    "thin six roles": f"title: T\nsummary: Six thin roles.\nroles:\n{THIN}",
    "two short comparisons": PAIR,
    "one-word answers": f"title: T\nroles:\n{SIX}faq:\n{FAQ}",
}


def _build(guide: Path, target: Path) -> Path:
    result = run_job(Job(guide, {"pptx": target}, None))
    assert result.error is None, result.error
    return target


@pytest.fixture(scope="module", params=["seed", *GUIDES])
def deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fill")
    guide = SEED if request.param == "seed" else write(folder, GUIDES[request.param])
    return _build(guide, folder / "deck.pptx")


def content_bottom(slide) -> float:
    """How far down the slide (points) its content reaches: filled shapes and tables to their
    bottom, text to the end of its measured lines."""
    bottom = 0.0
    for shape in slide.shapes:
        if shape.name in FURNITURE or shape == slide.shapes.title:
            continue
        top, height = Emu(shape.top).pt, Emu(shape.height).pt
        if shape.has_table or not shape.has_text_frame or shape.fill.type is not None:
            bottom = max(bottom, top + height)
            continue
        frame = shape.text_frame
        width = Emu(shape.width).pt - _margin(frame, "l") - _margin(frame, "r")
        bottom = max(bottom, top + _margin(frame, "t")
                     + blocks_height(MEASURER, _blocks(frame), width))
    return bottom


def content_slides(prs):
    """The slides between the agenda and the closing that are not dividers."""
    return [s for s in list(prs.slides)[2:-1] if not is_divider(s)]


def test_no_content_slide_is_underfilled(deck: Path) -> None:
    for slide in content_slides(Presentation(deck)):
        _, sizes = slide_words(slide)
        fill = (content_bottom(slide) - BODY.top) / BODY.height
        assert fill >= FILL or statistics.median(sizes) >= 24, slide.shapes.title.text


def table_text_bottom(shape) -> float:
    """How far down the slide (points) a table's text reaches: the rows above its last, then
    the last row's tallest cell text (rows stretched taller leave space below their text)."""
    rows = list(shape.table.rows)
    bottom = Emu(shape.top).pt + sum(Emu(row.height).pt for row in rows[:-1])
    cells = [_CellFrame(cell) for cell in rows[-1].cells]
    widths = [Emu(column.width).pt for column in shape.table.columns]
    return bottom + max(_margin(cell, "t") + blocks_height(
        MEASURER, _blocks(cell), width - _margin(cell, "l") - _margin(cell, "r"))
        for cell, width in zip(cells, widths, strict=True))


def test_long_worded_comparisons_fill_their_slides_with_every_role(tmp_path: Path) -> None:
    guide = write(tmp_path, GUIDES["six long-worded roles"])
    prs = Presentation(_build(guide, tmp_path / "long.pptx"))
    tables = [(slide, shape) for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) >= 3
    for slide, shape in tables:
        _, sizes = slide_words(slide)
        fill = (table_text_bottom(shape) - BODY.top) / BODY.height
        assert fill >= FILL or statistics.median(sizes) >= 24, slide.shapes.title.text
        assert min(sizes) >= 16
        labels = [row.cells[0].text_frame.text for row in shape.table.rows]
        header = [cell.text_frame.text for cell in shape.table.rows[0].cells]
        assert {f"R{i}" for i in range(6)} <= set(labels + header)  # every role, short labels


def test_no_slide_line_is_a_bare_yes_or_no(deck: Path) -> None:
    for slide in Presentation(deck).slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            frames += [c.text_frame for r in shape.table.rows for c in r.cells] \
                if shape.has_table else []
            assert not [p.text for f in frames for p in f.paragraphs
                        if p.text.strip() in ("Yes.", "No.")]


def test_limits_hold(deck: Path) -> None:
    assert overflows(deck) == []
    for slide in content_slides(Presentation(deck)):
        words, sizes = slide_words(slide)
        assert words <= 85 + 8 and min(sizes) >= 16  # 85 shown, header labels besides


def test_a_six_role_comparison_shows_every_role_on_every_slide(tmp_path: Path) -> None:
    guide = write(tmp_path, GUIDES["six-role comparison"])
    prs = Presentation(_build(guide, tmp_path / "six.pptx"))
    tables = [shape.table for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) >= 2  # seven long rows take more than one slide
    for table in tables:
        assert [c.text for c in table.rows[0].cells] == ["", *(f"R{i}" for i in range(6))]
    rows = [len(table.rows) - 1 for table in tables]
    assert sum(rows) == 7 and max(rows) - min(rows) <= 1  # split evenly


def test_thin_roles_share_slides(tmp_path: Path) -> None:
    prs = Presentation(_build(write(tmp_path, GUIDES["thin six roles"]), tmp_path / "t.pptx"))
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert len(prs.slides) <= 6
    assert "Role 0 · Role 1 · Role 2" in titles and "Role 3 · Role 4 · Role 5" in titles
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "Does it well." in notes and "Junior" in notes


def test_the_divider_is_numbered_as_the_agenda(tmp_path: Path) -> None:
    prs = Presentation(_build(ROOT / "examples" / "data-team" / "data-roles.yaml",
                              tmp_path / "d.pptx"))
    divider = next(s for s in prs.slides if is_divider(s))
    kicker = next(s for s in divider.shapes if s.text_frame.text.isdigit()).text_frame.text
    agenda = {s.name.split()[1]: s.text_frame.text for s in prs.slides[1].shapes
              if s.name.startswith("Agenda") and s.name.endswith("title")}
    assert agenda[str(int(kicker))].startswith(divider.shapes.title.text)


def test_notes_keep_the_points_of_a_cell_apart(tmp_path: Path) -> None:
    guide = write(tmp_path, "title: T\nroles: [{id: a, name: A}]\ncomparisons:\n  - title: C\n"
                            "    rows:\n      - dimension: D\n        cells: {a: [One, Two]}\n")
    prs = Presentation(_build(guide, tmp_path / "n.pptx"))
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "A: One; Two" in notes


@pytest.mark.parametrize("colors", ["{background: '#141418', foreground: '#F1F1F2', "
                                    "primary: '#75A5CC'}", "{}"])
def test_table_rules_and_fills_follow_the_slide_surface(tmp_path: Path, colors: str) -> None:
    from guidebuilder.brand.colormath import contrast

    guide = write(tmp_path, GUIDES["six-role comparison"])
    brand = write(tmp_path, f"color: {colors}\n", "_brand.yml")
    result = run_job(Job(guide, {"pptx": tmp_path / "d.pptx"}, brand))
    assert result.error is None, result.error
    background = "#141418" if "141418" in colors else "#FFFFFF"
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    checked = 0
    for slide in Presentation(tmp_path / "d.pptx").slides:
        for shape in (s for s in slide.shapes if s.has_table):
            for cell in (c for row in shape.table.rows for c in row.cells):
                tcpr = cell._tc.tcPr
                rules = {tcpr.find(f"{ns}{side}/{ns}solidFill/{ns}srgbClr").get("val")
                         for side in ("lnL", "lnR", "lnT", "lnB")}
                assert len(rules) == 1  # one rule colour, written on every side
                rule = f"#{rules.pop()}"
                assert rule != "#FFFFFF" or background != "#141418"
                assert 1.4 <= contrast(rule, background) < 4.5  # visible, quieter than text
                fill = f"#{tcpr.find(f'{ns}solidFill/{ns}srgbClr').get('val')}"
                inks = {f"#{c.get('val')}" for c in cell._tc.iter(f"{ns}srgbClr")
                        if c.getparent().getparent().tag == f"{ns}rPr"}
                assert all(contrast(ink, fill) >= 4.5 for ink in inks)
                checked += len(inks)
    assert checked > 20


def test_two_short_comparisons_share_a_slide(tmp_path: Path) -> None:
    prs = Presentation(_build(write(tmp_path, PAIR), tmp_path / "pair.pptx"))
    shared = [slide for slide in prs.slides
              if sum(shape.has_table for shape in slide.shapes) == 2]
    assert len(shared) == 1
    slide = shared[0]
    assert slide.shapes.title.text == "Daily work · Career"
    captions = [s.text_frame.text for s in slide.shapes if s.name == "Caption"]
    assert captions == ["Daily work", "Career"]
    tables = [shape for shape in slide.shapes if shape.has_table]
    assert Emu(tables[0].top + tables[0].height).pt <= Emu(tables[1].top).pt  # one above the other
    sizes = {r.font.size.pt for t in tables for row in t.table.rows for c in row.cells
             for p in c.text_frame.paragraphs for r in p.runs}
    assert len(sizes) == 1 and sizes.pop() >= 18  # both at one size
    notes = slide.notes_slide.notes_text_frame.text
    assert "How the day looks." in notes and "Builder: Staff engineer" in notes
    assert not any(s.shapes.title.text in ("Daily work", "Career") for s in prs.slides)


def test_a_comparison_that_fills_its_slide_keeps_it(tmp_path: Path) -> None:
    long = PAIR.replace("Reports", " ".join(["Monthly reports for every team"] * 6))
    prs = Presentation(_build(write(tmp_path, long), tmp_path / "long.pptx"))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert "Daily work" in titles and "Daily work · Career" not in titles


def test_continued_task_examples_split_evenly_into_whole_items(tmp_path: Path) -> None:
    tasks = [f"Task {n} builds a churn-prediction model from twelve months of usage events "
             f"and evaluates it{' against a simple baseline' * (n % 3)}." for n in range(7)]
    guide = write(tmp_path, "title: T\nroles:\n  - id: a\n    name: A\n"
                            "    summary: Models the data.\n"
                            "    responsibilities: [{title: Modelling, text: Builds models.}]\n"
                            f"    tasks: {tasks!r}\n".replace("'", '"'))
    prs = Presentation(_build(guide, tmp_path / "tasks.pptx"))
    slides = [s for s in prs.slides if "Task examples" in s.shapes.title.text]
    shown = [[p.text for shape in s.shapes if shape.has_text_frame
              for p in shape.text_frame.paragraphs if re.match(r"Task \d", p.text)]
             for s in slides]
    assert [s.shapes.title.text for s in slides] == ["A: Task examples (1/2)", "A: Task examples (2/2)"]
    assert sorted(len(items) for items in shown) == [3, 4]  # even, no 3 + 3 + 1
    assert [item for items in shown for item in items] == tasks  # whole items, in order
    bodies = [p.text for s in slides for shape in s.shapes
              if shape.has_text_frame and shape != s.shapes.title
              for p in shape.text_frame.paragraphs]
    assert "Task examples" not in bodies  # the title names them; no heading repeats it


def test_numbered_lists_keep_their_numbers_with_room_for_them(tmp_path: Path) -> None:
    """Every number shows whole ("10.", not "1"), in a FAQ answer too, where it begins a
    list's numbering; each hangs in room as wide as it is."""
    steps = "".join(f"  {n}. Step {n} of the week.\n" for n in range(1, 12))
    guide = write(tmp_path, f"title: T\nsummary: |\n{steps}roles:\n  - {{id: a, name: A}}\n"
                            "faq:\n  - question: How do we start?\n    answer: |\n"
                            "      3. Meet the team.\n      4. Set up the laptop.\n")
    prs = Presentation(_build(guide, tmp_path / "numbers.pptx"))
    numbered = []
    for slide in prs.slides:
        for shape in slide.shapes:
            for p in shape.text_frame.paragraphs if shape.has_text_frame else ():
                number = re.match(r"(\d+\.)\t", p.text)
                if number:
                    size = p.runs[0].font.size.pt
                    hang = -Emu(int(p._p.pPr.get("indent"))).pt
                    numbered.append(number.group(1))
                    assert hang >= MEASURER.width(number.group(1), size) + size * 0.3
    assert numbered == [f"{n}." for n in range(1, 12)] + ["3.", "4."]


def test_a_long_cell_cut_over_slides_is_one_paragraph_on_each(tmp_path: Path) -> None:
    """The rest of a cell cut at a slide's foot goes on as one paragraph on the next slide,
    not as pieces cut to the first slide's room (hard breaks mid-sentence)."""
    long = " ".join(f"Sentence {n} explains one more duty of the role in plain words,"
                    for n in range(40)) + " and ends."  # one sentence: kept whole on slides
    guide = write(tmp_path, "title: T\nroles: [{id: a, name: A}, {id: b, name: B}]\n"
                            "comparisons:\n  - title: C\n    rows:\n"
                            "      - {dimension: Short, cells: {a: One, b: Two}}\n"
                            f"      - {{dimension: Long, cells: {{a: '{long}', b: Short}}}}\n")
    prs = Presentation(_build(guide, tmp_path / "long.pptx"))
    pieces = [[p.text for p in cell.text_frame.paragraphs]
              for slide in prs.slides for shape in slide.shapes if shape.has_table
              for row in shape.table.rows for cell in row.cells if "Sentence" in cell.text_frame.text]
    assert len(pieces) > 1  # over several slides
    assert all(len(paragraphs) == 1 for paragraphs in pieces)
    assert " ".join(p[0].replace("…", "") for p in pieces).split() == long.split()


def test_the_agenda_names_thin_roles_as_the_slide_they_share(tmp_path: Path) -> None:
    guide = write(tmp_path, "title: T\nsummary: Two thin roles.\nroles:\n" + "".join(
        f"  - id: r{i}\n    name: Role {i}\n    summary: Does thing {i}.\n" for i in range(2)))
    prs = Presentation(_build(guide, tmp_path / "thin.pptx"))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert "Role 0 · Role 1" in titles and "Role 0" not in titles
    agenda = next(s for s in prs.slides if s.shapes.title.text == "Agenda")
    lines = [shape.text_frame.text for shape in agenda.shapes if shape.has_text_frame]
    assert "Role 0 · Role 1" in lines and "Role 0" not in lines


def test_an_answer_cut_over_slides_asks_its_question_again(tmp_path: Path) -> None:
    """Each slide of a long answer starts with its question ("(cont.)" after the first), and
    the answer takes as few slides as its words need (the last items are not left apart)."""
    steps = "".join(f"      {n}. Step {n} of the onboarding plan for a new lead.\n"
                    for n in range(1, 15))
    guide = write(tmp_path, "title: T\nroles: [{id: a, name: A}]\nfaq:\n"
                            f"  - question: How does onboarding go?\n    answer: |\n{steps}")
    prs = Presentation(_build(guide, tmp_path / "faq.pptx"))
    slides = [s for s in prs.slides if s.shapes.title.text.startswith("Frequently asked")]
    firsts = [next(shape.text_frame.paragraphs[0].text for shape in s.shapes
                   if shape.has_text_frame and shape != s.shapes.title) for s in slides]
    assert firsts[0] == "Q: How does onboarding go?"
    assert all(first == "Q: How does onboarding go? (cont.)" for first in firsts[1:])
    items = [sum(bool(re.match(r"\d+\.\t", p.text)) for shape in s.shapes
                 if shape.has_text_frame for p in shape.text_frame.paragraphs) for s in slides]
    assert sum(items) == 14 and min(items) >= 4, items  # no last item or two left apart
