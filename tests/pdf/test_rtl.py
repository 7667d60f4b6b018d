"""Hebrew and Arabic handbooks, read back: text in logical order, lines drawn in visual order,
the pages mirrored (tables, contents, header and footer), every font embedded, PDF/UA checks."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidebuilder.run.job import Job, run_job

from conftest import ARABIC, HEBREW, ROOT, require_tool
from rtlcheck import bbox_lines, guide_texts, letters, logical_text, visual_order_report

LABELS = tomllib.loads((ROOT / "guidebuilder" / "plan" / "labels.toml").read_text("utf-8"))


@pytest.fixture(params=["he", "ar"])
def rtl_case(request: pytest.FixtureRequest) -> tuple[str, Path, dict[str, Path]]:
    """(language, guide, outputs) of the Hebrew and of the Arabic guide."""
    if request.param == "he":
        return "he", HEBREW, request.getfixturevalue("hebrew_outputs")
    return "ar", ARABIC, request.getfixturevalue("arabic_outputs")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(("language", "snippets"), [
    ("he", ["מנהל מוצר מול מנהל פרויקט", "מי עושה מה בצוות המוצר?", "תוכן העניינים",
            "ההבדלים העיקריים", "אחראי על תחום מוצר שלם", "שני התפקידים משלימים זה את זה",
            "מגדיר את כיוון המוצר לשנה הקרובה ומציג אותו להנהלה"]),
    ("ar", ["مدير المنتج ومدير المشروع", "من يفعل ماذا في فريق المنتج؟", "المحتويات",
            "الفروق الرئيسية", "مسؤول عن مجال منتج كامل", "يبني خطة عمل بمراحل وميزانية"]),
])
def test_titles_headings_and_paragraphs_read_back_in_logical_order(
        language: str, snippets: list[str], request: pytest.FixtureRequest) -> None:
    outputs = request.getfixturevalue("hebrew_outputs" if language == "he" else "arabic_outputs")
    text = " ".join(logical_text(outputs["pdf"]).split())
    for snippet in snippets:
        assert _nfkc(snippet) in text
    assert PdfReader(outputs["pdf"]).metadata.title == snippets[0]


def test_mixed_words_stay_readable(hebrew_outputs: dict[str, Path]) -> None:
    """Latin product names and numbers inside Hebrew keep their own order."""
    text = logical_text(hebrew_outputs["pdf"])
    for word in ("Jira", "Amplitude", "SQL 2024", "Confluence", "Roadmap", "2024"):
        assert word in text


def test_every_line_is_drawn_in_visual_order(rtl_case: tuple[str, Path, dict[str, Path]]) -> None:
    language, guide, outputs = rtl_case
    checked, wrong = visual_order_report(outputs["pdf"], guide_texts(guide, LABELS[language]))
    assert checked >= 40
    assert wrong == []


def _page_words(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    return [word for number, words in bbox_lines(pdf) if number == page for word in words]


def _x_of(words: list[tuple[float, float, str]], text: str) -> float:
    """The left edge of the first word whose letters are those of ``text`` in visual order."""
    wanted = letters(_nfkc(text))[::-1]
    return next(x for x, _, glyphs in words if letters(_nfkc(glyphs)) == wanted)


def test_the_tables_first_column_is_at_the_right(hebrew_outputs: dict[str, Path]) -> None:
    words = _page_words(hebrew_outputs["pdf"], 2)
    dimension, product, project = (_x_of(words, "מיקוד"), _x_of(words, "ולמה"),
                                   _x_of(words, "ומתי"))
    assert dimension > product > project


def test_contents_numbers_header_and_footer_are_mirrored(hebrew_outputs: dict[str, Path]) -> None:
    pdf = hebrew_outputs["pdf"]
    width = float(PdfReader(pdf).pages[1].mediabox.width)
    lines = [words for number, words in bbox_lines(pdf) if number == 2]
    entries = [words for words in lines if any(w.startswith("...") or w == "." for *_, w in words)]
    assert entries
    for words in entries:  # the page number at the left, the entry's text at the right
        assert words[0][2].isdigit() and words[-1][1] > width / 2
    header = next(words for words in lines if "פרויקט" in "".join(w[::-1] for *_, w in words))
    assert header[-1][1] > width - 2.2 * 72 / 2.54 - 2  # the title ends at the right margin
    footer = lines[-1]
    assert footer[0][0] < width / 2 and any(w.isdigit() for *_, w in footer[:2])


def test_links_cover_their_words(hebrew_outputs: dict[str, Path]) -> None:
    """The link's area is where its (shaped, reordered) words are drawn."""
    reader = PdfReader(hebrew_outputs["pdf"])
    words = _page_words(hebrew_outputs["pdf"], 2)
    left, right = _x_of(words, "הקריירה."), _x_of(words, "באתר")
    height = float(reader.pages[1].mediabox.height)
    rects = [[float(v) for v in a.get_object()["/Rect"]] for a in reader.pages[1]["/Annots"]
             if a.get_object().get("/A", {}).get("/URI") == "https://example.com/careers"]
    assert rects
    x0, _, x1, _ = rects[0]
    assert left - 8 <= x0 <= left + 12 and x1 > right and height


def test_text_stays_inside_the_margins(rtl_case: tuple[str, Path, dict[str, Path]]) -> None:
    _, _, outputs = rtl_case
    pdf = outputs["pdf"]
    margin = 2.2 * 72 / 2.54
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    for _, words in bbox_lines(pdf):
        for x_min, x_max, _ in words:
            assert margin - 1 <= x_min and x_max <= width - margin + 1


def test_every_font_is_embedded_and_the_language_is_set(
        rtl_case: tuple[str, Path, dict[str, Path]]) -> None:
    language, _, outputs = rtl_case
    listed = subprocess.run([require_tool("pdffonts"), str(outputs["pdf"])], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert listed and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in listed), listed
    assert PdfReader(outputs["pdf"]).trailer["/Root"]["/Lang"] == language


def test_pdfua_finds_nothing(rtl_case: tuple[str, Path, dict[str, Path]]) -> None:
    pytest.importorskip("pdfua")
    _, _, outputs = rtl_case
    done = subprocess.run([sys.executable, "-m", "pdfua", "check", "--min-severity", "warning",
                           str(outputs["pdf"])], capture_output=True, text=True)
    assert "PASS (no findings)" in done.stdout, done.stdout


def test_a_left_to_right_guide_quoting_hebrew_keeps_its_direction(tmp_path: Path) -> None:
    guide = tmp_path / "quote.yaml"
    guide.write_text("title: Hiring in Tel Aviv\nsummary: The team says שלום עולם to new hires.\n"
                     "roles: [{id: a, name: Recruiter}]\n", encoding="utf-8")
    target = tmp_path / "quote.pdf"
    assert run_job(Job(guide, {"pdf": target})).error is None
    text = " ".join(logical_text(target).split())  # poppler moves a space next to the Hebrew
    assert re.search("The team says +שלום עולם *to new hires.", text), text
    line = next(words for _, words in bbox_lines(target) if any(w == "team" for *_, w in words))
    assert [w for *_, w in line][:3] == ["The", "team", "says"]  # read from the left


def test_running_text_sets_what_the_brand_font_lacks_in_a_fallback_font(tmp_path: Path) -> None:
    """The cover band and the running footer of a left-to-right guide show an Arabic brand
    name in the fallback font (they used to leave it out), in visual order."""
    from conftest import require_arabic_font

    require_arabic_font()
    brand = tmp_path / "_brand.yml"
    brand.write_text("meta:\n  name: شركة المثال\n", encoding="utf-8")
    guide = tmp_path / "guide.yaml"
    guide.write_text("title: Hiring\nroles: [{id: a, name: Recruiter}]\n", encoding="utf-8")
    target = tmp_path / "guide.pdf"
    assert run_job(Job(guide, {"pdf": target}, brand)).error is None
    pages = logical_text(target).split("\f")
    assert "شركة المثال" in pages[0]
    checked, wrong = visual_order_report(target, ["شركة المثال"])
    assert checked >= 1 and wrong == []


def test_headings_use_the_fallback_fonts_bold_face(arabic_outputs: dict[str, Path]) -> None:
    listed = subprocess.run([require_tool("pdffonts"), str(arabic_outputs["pdf"])],
                            capture_output=True, text=True, check=True).stdout
    fallback = [line.split()[0] for line in listed.splitlines()[2:] if "Liberation" not in line]
    assert any("Bold" in name for name in fallback), fallback


def test_a_question_starts_at_the_margin_and_its_answer_is_indented(
        hebrew_outputs: dict[str, Path]) -> None:
    """As in a left-to-right handbook, where "Q:" hangs out in the margin: reportlab moved a
    right-to-left first line at its left, so question and answer began alike."""
    import pdfplumber

    with pdfplumber.open(hebrew_outputs["pdf"]) as pdf:
        pages = [page.extract_words() for page in pdf.pages]
    right = max(w["x1"] for words in pages for w in words)
    for words in pages:
        lines: dict[int, list[dict]] = {}
        for word in words:
            lines.setdefault(round(word["top"]), []).append(word)
        tops = sorted(lines)
        asked = [top for top in tops if any(w["text"] in ("ש:", ":ש") for w in lines[top])]
        for top in asked:
            answer = lines[tops[tops.index(top) + 1]]
            assert max(w["x1"] for w in lines[top]) == pytest.approx(right, abs=1)
            assert max(w["x1"] for w in answer) < right - 10
        if asked:
            return
    pytest.fail("no question found")
