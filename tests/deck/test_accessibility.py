"""The deck, read back with python-pptx, against what PowerPoint's accessibility checker asks:
titles in title placeholders read first, described pictures, table header rows, the guide's
language on every run (notes too), decorative shapes marked, no two slides with one title."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from guidebuilder.run.job import Job, run_job

from conftest import ROOT, SEED

DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
SHAPES = {qn("p:sp"), qn("p:pic"), qn("p:graphicFrame"), qn("p:grpSp"), qn("p:cxnSp")}


@pytest.fixture(scope="module")
def decks(seed_pptx: Path, branded_outputs: dict[str, Path],
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("a11y-decks")
    engineering = folder / "engineering.pptx"
    guide = ROOT / "examples" / "engineering" / "sciezki-inzynierskie.yaml"
    assert run_job(Job(guide, {"pptx": engineering})).error is None
    data = folder / "data.pptx"
    assert run_job(Job(ROOT / "examples" / "data-team" / "data-roles.yaml", {"pptx": data})).error is None
    return {"seed": seed_pptx, "branded": branded_outputs["pptx"], "engineering": engineering,
            "data": data}


def _language(name: str) -> str:
    return "pl" if name == "engineering" else "en"


def _shapes(slide) -> list:  # type: ignore[no-untyped-def]
    return [child for child in slide.shapes._spTree if child.tag in SHAPES]


def _decorative(shape) -> bool:  # type: ignore[no-untyped-def]
    properties = next(shape.iter(qn("p:cNvPr")))
    return any(ext.get("uri") == DECORATIVE for ext in properties.iter(qn("a:ext")))


@pytest.mark.parametrize("name", ["seed", "branded", "engineering", "data"])
def test_every_slide_reads_its_title_first(decks: dict[str, Path], name: str) -> None:
    titles = []
    for number, slide in enumerate(Presentation(str(decks[name])).slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"slide {number}: no title"
        kind = title.element.find(f".//{qn('p:ph')}").get("type")
        assert kind in ("title", "ctrTitle")
        readable = [s for s in _shapes(slide) if not _decorative(s)]
        assert readable[0] is title.element, f"slide {number}: the title is not read first"
        titles.append(title.text_frame.text)
    assert len(titles) == len(set(titles)), "two slides share a title"


@pytest.mark.parametrize("name", ["seed", "branded", "engineering", "data"])
def test_pictures_tables_and_languages(decks: dict[str, Path], name: str) -> None:
    language = _language(name)
    for number, slide in enumerate(Presentation(str(decks[name])).slides, start=1):
        tree = slide.shapes._spTree
        for picture in tree.iter(qn("p:pic")):
            assert picture.find(f".//{qn('p:cNvPr')}").get("descr"), f"slide {number}"
        for table in tree.iter(qn("a:tblPr")):
            assert table.get("firstRow") == "1", f"slide {number}"
        bodies = [tree]
        if slide.has_notes_slide:
            bodies.append(slide.notes_slide.element)
        for body in bodies:
            for run in [*body.iter(qn("a:r")), *body.iter(qn("a:fld"))]:
                properties = run.find(qn("a:rPr"))
                assert properties is not None and properties.get("lang") == language, (
                    f"slide {number}: {run.findtext(qn('a:t'))!r} has no language")


def test_bands_rules_and_the_repeated_logo_are_decorative(decks: dict[str, Path]) -> None:
    slides = list(Presentation(str(decks["engineering"])).slides)
    band = [s for s in _shapes(slides[0]) if s.find(f".//{qn('p:cNvPr')}").get("name") == "Title band"]
    assert band and _decorative(band[0])
    for slide in slides[1:]:
        names = [(s.find(f".//{qn('p:cNvPr')}").get("name"), _decorative(s)) for s in _shapes(slide)]
        assert names[-3:] == [("Footer", False), ("Slide Number", False), ("Logo", True)]
        assert all(decorative for shape, decorative in names if shape == "Accent")


def test_seed_deck_has_a_divider_free_run_of_unique_continued_titles(decks: dict[str, Path]) -> None:
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(decks["seed"])).slides]
    faq = [t for t in titles if t.startswith("Frequently asked questions")]
    assert faq[1:] == [f"Frequently asked questions ({n}/{len(faq)})"
                       for n in range(2, len(faq) + 1)]
    assert SEED.exists()
