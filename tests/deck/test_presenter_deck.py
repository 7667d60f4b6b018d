"""The deck a presenter shows as it is: few, full slides, readable type, everything said in the
notes. Limits checked on the seed and on a 3-role (branded, own font) and a 6-role guide."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from guidebuilder.guide.load import load_guide
from guidebuilder.run.job import Job, run_job

from conftest import ROOT, SEED
from deckcheck import is_divider, overflows, slide_words

GUIDES = {
    "seed": (SEED, None, 18),
    "three-roles": (ROOT / "examples" / "engineering" / "sciezki-inzynierskie.yaml",
                    ROOT / "examples" / "engineering" / "_brand.yml", 3 * 3 + 6),
    "six-roles": (ROOT / "examples" / "data-team" / "data-roles.yaml", None, 3 * 6 + 6),
}


@pytest.fixture(scope="module", params=list(GUIDES))
def deck(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    guide, brand, most = GUIDES[request.param]
    target = tmp_path_factory.mktemp(request.param) / "deck.pptx"
    result = run_job(Job(guide, {"pptx": target}, brand))
    assert result.error is None, result.error
    return guide, target, most, brand


def test_slide_and_divider_counts(deck) -> None:
    guide, target, most, _ = deck
    slides = list(Presentation(target).slides)
    roles = len(load_guide(guide).guide.roles)
    assert len(slides) <= most
    assert sum(is_divider(s) for s in slides) <= (3 if guide == SEED else roles + 1)


def test_words_and_type_sizes(deck) -> None:
    _, target, _, _ = deck
    medians, sparse = [], 0
    for number, slide in enumerate(Presentation(target).slides, start=1):
        if number == 1 or is_divider(slide):
            continue
        words, sizes = slide_words(slide)
        assert words <= 90, (number, slide.shapes.title.text, words)
        assert sizes and min(sizes) >= 14, (number, slide.shapes.title.text)
        medians.append(statistics.median(sizes))
        drawn = any(s.has_table or s.name.startswith(("Level", "Card", "Agenda"))
                    for s in slide.shapes)
        sparse += words < 25 and not drawn
    assert statistics.median(medians) >= 18
    assert sparse <= 1  # the closing slide, designed as such


def test_nothing_overflows(deck) -> None:
    assert overflows(deck[1], deck[3]) == []


def test_every_word_is_on_a_slide_or_in_the_notes(deck) -> None:
    guide_path, target, _, _ = deck
    prs = Presentation(target)
    everything = " ".join(
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) + " "
        + " ".join(c.text for s in slide.shapes if s.has_table for r in s.table.rows
                   for c in r.cells) + " " + slide.notes_slide.notes_text_frame.text
        for slide in prs.slides)
    everything = " ".join(everything.split())
    guide = load_guide(guide_path).guide
    texts = [guide.title, guide.summary.plain, guide.closing.plain]
    for role in guide.roles:
        texts += [role.name, role.summary.plain, *(t.plain for t in role.tasks)]
        texts += [f"{r.title}: {r.text.plain}" for r in role.responsibilities]
        texts += [lv.text.plain for lv in role.career.levels] if role.career else []
    for comparison in guide.comparisons:
        texts += [comparison.intro.plain, comparison.notes.plain]
        texts += [p.plain for row in comparison.rows for ps in row.cells.values() for p in ps]
    texts += [f.answer.plain for f in guide.faq]
    for text in texts:
        for paragraph in text.split("\n\n"):
            assert " ".join(paragraph.split()) in everything, paragraph[:80]


def test_short_forms_are_shown_and_long_forms_noted(seed_pptx: Path) -> None:
    prs = Presentation(seed_pptx)
    ladder = next(s for s in prs.slides if s.shapes.title.text == "Program Manager: Career path")
    shown = " ".join(s.text_frame.text for s in ladder.shapes if s.has_text_frame)
    assert "Lead the program management office" in shown
    assert "establish best practices" not in shown
    assert "establish best practices" in ladder.notes_slide.notes_text_frame.text


def test_links_take_the_brand_link_colour(deck) -> None:
    guide_path, target, _, _ = deck
    theme = Presentation(target).slide_master.part.part_related_by(RT.THEME).blob
    colour = "5B2A86" if "engineering" in str(guide_path) else "2C7FA2"
    assert f'<a:hlink><a:srgbClr val="{colour}"/></a:hlink>'.encode() in theme


def test_closing_slide_has_the_brand_link_and_logo(tmp_path: Path) -> None:
    guide, brand, _ = GUIDES["three-roles"]
    target = tmp_path / "d.pptx"
    run_job(Job(guide, {"pptx": target}, brand))
    closing = list(Presentation(target).slides)[-1]
    names = {s.name: s for s in closing.shapes}
    assert names["Link"].text_frame.text == "https://krakow-software.example"
    assert "Logo" in names and "Dziękujemy" in names["Closing"].text_frame.text


def test_a_long_ladder_continues_and_keeps_every_word_in_the_notes(tmp_path: Path) -> None:
    from conftest import write

    levels = "".join(f"        - {{title: Level number {i} title, text: Sentence {i} "
                     f"{'and more words ' * 12}end.}}\n" for i in range(9))
    guide = write(tmp_path, "title: T\nroles:\n  - id: a\n    name: A\n    career:\n"
                            f"      levels:\n{levels}      notes: The closing career note.\n")
    target = tmp_path / "d.pptx"
    assert run_job(Job(guide, {"pptx": target})).error is None
    slides = [s for s in Presentation(target).slides if "Career path" in s.shapes.title.text]
    assert len(slides) >= 2 and slides[1].shapes.title.text.startswith("A: Career path (2/")
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in slides)
    assert all(f"Level number {i} title: Sentence {i}" in notes for i in range(9))
    assert "The closing career note." in slides[-1].notes_slide.notes_text_frame.text
    assert overflows(target) == []
