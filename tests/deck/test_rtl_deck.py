"""Hebrew and Arabic decks: right-to-left paragraphs in the language's locale, complex-script
fonts that have the script, table columns written from the right, nothing overflowing."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from conftest import ARABIC, HEBREW, ROOT, require_tool
from deckcheck import overflows
from rtlcheck import guide_texts, logical_text, visual_order_report

LABELS = tomllib.loads((ROOT / "guidebuilder" / "plan" / "labels.toml").read_text("utf-8"))


def _text_paragraphs(deck: Path):
    """Every paragraph of the slides that shows text (the slide number's field aside)."""
    for slide in Presentation(deck).slides:
        for paragraph in slide.shapes._spTree.iter(qn("a:p")):
            if any((run.findtext(qn("a:t")) or "").strip() for run in paragraph.iter(qn("a:r"))):
                yield paragraph


@pytest.mark.parametrize(("outputs", "locale"), [("hebrew_outputs", "he-IL"),
                                                  ("arabic_outputs", "ar-SA")])
def test_paragraphs_are_right_to_left_in_the_locale(outputs: str, locale: str,
                                                    request: pytest.FixtureRequest) -> None:
    deck = request.getfixturevalue(outputs)["pptx"]
    paragraphs = list(_text_paragraphs(deck))
    assert len(paragraphs) > 30
    for paragraph in paragraphs:
        properties = paragraph.find(qn("a:pPr"))
        assert properties.get("rtl") == "1"
        assert properties.get("algn") in ("r", "ctr")
        for run in paragraph.iter(qn("a:rPr")):
            assert run.get("lang") == locale
        end = paragraph.find(qn("a:endParaRPr"))
        assert end is None or end.get("lang") == locale


def test_arabic_runs_name_a_complex_script_font_that_has_arabic(
        arabic_outputs: dict[str, Path]) -> None:
    fc_list = require_tool("fc-list")
    families = {run.find(qn("a:cs")).get("typeface")
                for paragraph in _text_paragraphs(arabic_outputs["pptx"])
                for run in paragraph.iter(qn("a:rPr")) if run.find(qn("a:cs")) is not None}
    assert families
    for family in families:
        listed = subprocess.run([fc_list, f"{family}:lang=ar", "family"], capture_output=True,
                                text=True, check=True).stdout
        assert listed.strip(), f"{family} has no Arabic"


def test_arabic_letters_are_set_in_the_font_that_has_them(
        arabic_outputs: dict[str, Path]) -> None:
    """Each run names in <a:latin> the font that draws its letters, as the handbook sets them
    and as the deck measures them: Arabic pieces the fallback font, Latin names (Power BI,
    SQL) the brand's, so any reader that measures a run in its Latin font measures it right."""
    fc_list = require_tool("fc-list")
    arabic, latin = set(), set()
    for paragraph in _text_paragraphs(arabic_outputs["pptx"]):
        for run in paragraph.iter(qn("a:r")):
            text, face = run.findtext(qn("a:t")) or "", run.find(qn("a:rPr")).find(qn("a:latin"))
            if any("\u0600" <= ch <= "\u06ff" for ch in text):
                arabic.add(face.get("typeface"))
            if any(ch.isascii() and ch.isalpha() for ch in text):
                latin.add(face.get("typeface"))
    assert arabic and latin and not arabic & latin
    for family in arabic:
        listed = subprocess.run([fc_list, f"{family}:lang=ar", "family"], capture_output=True,
                                text=True, check=True).stdout
        assert listed.strip(), f"{family} has no Arabic"


def test_table_columns_are_written_from_the_right(hebrew_outputs: dict[str, Path]) -> None:
    tables = [shape.table for slide in Presentation(hebrew_outputs["pptx"]).slides
              for shape in slide.shapes if shape.has_table]
    assert tables
    for table in tables:
        header, *rows = table.rows
        assert header.cells[len(header.cells) - 1].text == ""  # the corner above the dimensions
        assert header.cells[0].text == "מנהל פרויקט"  # the last role first
        assert {row.cells[len(row.cells) - 1].text for row in rows} <= {"מיקוד", "כלים"}


def test_nothing_overflows(hebrew_outputs: dict[str, Path], arabic_outputs: dict[str, Path]) -> None:
    from guidebuilder.run.job import Job, prepare
    from guidebuilder.text.measure import Measurer

    assert overflows(hebrew_outputs["pptx"]) == []
    type_ = prepare(Job(ARABIC, {})).brand.typography  # with the fallback font for Arabic
    measurer = Measurer(type_.base, type_.mono, type_.fallbacks or ())
    assert overflows(arabic_outputs["pptx"], measurer=measurer) == []


def test_libreoffice_shows_the_hebrew_deck_in_visual_order(hebrew_outputs: dict[str, Path],
                                                           tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or require_tool("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(hebrew_outputs["pptx"])],
                   capture_output=True, check=True, timeout=180)
    pdf = tmp_path / "product-team.pdf"
    checked, wrong = visual_order_report(pdf, guide_texts(HEBREW, LABELS["he"]))
    assert checked >= 20 and wrong == []
    text = " ".join(logical_text(pdf).split())
    assert "מנהל מוצר מול מנהל פרויקט" in text


def test_shapes_are_mirrored(hebrew_outputs: dict[str, Path]) -> None:
    """The first card of a role slide is at the right, the title box ends at the right margin."""
    deck = Presentation(hebrew_outputs["pptx"])
    width = deck.slide_width
    cards = [{shape.name: shape for shape in slide.shapes if shape.name.startswith("Card: ")}
             for slide in deck.slides]
    role = next(names for names in cards if len(names) == 2)
    responsibilities = role[f"Card: {LABELS['he']['responsibilities']}"]
    tasks = role[f"Card: {LABELS['he']['tasks']}"]
    assert responsibilities.left > tasks.left
    for slide in deck.slides:
        title = slide.shapes.title
        if title is not None:
            assert title.left + title.width > width * 0.8


def test_speaker_notes_are_right_to_left(hebrew_outputs: dict[str, Path]) -> None:
    slides = Presentation(hebrew_outputs["pptx"]).slides
    paragraphs = [p for slide in slides if slide.has_notes_slide
                  for p in slide.notes_slide.notes_text_frame._txBody.iter(qn("a:p"))
                  if p.find(qn("a:r")) is not None]
    assert paragraphs
    for paragraph in paragraphs:
        assert paragraph.find(qn("a:pPr")).get("rtl") == "1"
        assert paragraph.find(qn("a:r")).find(qn("a:rPr")).get("lang") == "he-IL"


def test_the_arabic_agenda_lists_the_roles_with_the_arabic_comma(tmp_path: Path) -> None:
    from guidebuilder.run.job import Job, run_job

    from conftest import require_arabic_font, write

    require_arabic_font()
    roles = "".join(f"  - {{id: r{i}, name: دور {i}, summary: نص.}}\n" for i in range(1, 5))
    guide = write(tmp_path, f"title: أدوار\nlanguage: ar\nroles:\n{roles}")
    target = tmp_path / "guide.pptx"
    assert run_job(Job(guide, {"pptx": target})).error is None
    agenda = Presentation(target).slides[1]
    listed = [shape.text_frame.text for shape in agenda.shapes
              if shape.has_text_frame and "،" in shape.text_frame.text]
    assert listed and all(", " not in text for text in listed)
