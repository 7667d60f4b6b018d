"""Hostile and odd text: rendered literally or dropped with a warning, never interpreted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from guidebuilder.run.job import Job, run_job

from conftest import write

HOSTILE = r"""title: "<font size=40>Big</font> & <b>bold</b> &amp; 5 < 7"
subtitle: "Tab\there, bell \a, escape \e, null \0 gone"
summary: |
  A [click](javascript:alert(1)) link, <a href="javascript:alert(2)">raw</a>,
  right-to-left ‏mark, zero‍width joiner, private 􏿽 and ``code <i>``.
roles:
  - id: a
    name: "Name with <br/> and &#169;"
    tasks: ["<para>task</para>", "%(x)s {0} ${HOME} $(rm -rf /)"]
faq:
  - question: "Q with \u200f RLM?"
    answer: "**<b>nested</b>**"
"""


def test_hostile_text_is_literal_in_both_outputs(tmp_path: Path) -> None:
    guide = write(tmp_path, HOSTILE)
    targets = {"pdf": tmp_path / "h.pdf", "pptx": tmp_path / "h.pptx"}
    result = run_job(Job(guide, targets))
    assert result.error is None, result.error
    pdf_text = " ".join((p.extract_text() or "") for p in PdfReader(targets["pdf"]).pages)
    pdf_text = re.sub(r"\s+", " ", pdf_text)
    prs = Presentation(targets["pptx"])
    deck_text = " ".join(shape.text_frame.text for slide in prs.slides for shape in slide.shapes
                         if shape.has_text_frame)
    deck_text += " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    for literal in ("<font size=40>Big</font> & <b>bold</b> &amp; 5 < 7", "Tab here, bell , escape",
                    "[click](javascript:alert(1))", '<a href="javascript:alert(2)">raw</a>',
                    "Name with <br/> and &#169;", "<para>task</para>",
                    "%(x)s {0} ${HOME} $(rm -rf /)", "code <i>", "<b>nested</b>"):
        assert literal in pdf_text, literal
        assert literal in deck_text, literal
    assert "\x07" not in deck_text and "\x00" not in deck_text
    assert "\U0010FFFD" in deck_text  # a font of the reader's may show it
    assert "\U0010FFFD" not in pdf_text  # no font here has it: left out, not drawn as a box
    pdf = PdfReader(targets["pdf"])
    uris = [a.get_object().get("/A", {}).get("/URI") for page in pdf.pages
            for a in page.get("/Annots", [])]
    assert not [u for u in uris if u and "javascript" in u]


def test_missing_glyphs_are_reported_by_character_and_location(tmp_path: Path) -> None:
    guide = write(tmp_path, HOSTILE)
    result = run_job(Job(guide, {"pdf": tmp_path / "h.pdf"}))
    warnings = [str(w) for w in result.warnings]
    missing = [w for w in warnings if "U+10FFFD" in w]
    assert len(missing) == 1
    assert missing[0].startswith(f"{guide}:5:51: summary: the font Arial "
                                 "(LiberationSans-Regular.ttf) has no glyph for U+10FFFD")
    assert "no installed font has it" in missing[0]
    assert all(re.match(rf"{re.escape(str(guide))}:\d+:\d+: ", w) for w in warnings)


def test_polish_russian_greek_have_every_glyph(tmp_path: Path) -> None:
    guide = write(tmp_path, "title: Zażółć gęślą jaźń — Съешь ещё — Ελληνικά ΆΈΉ\n"
                            "roles: [{id: a, name: Łódź Ярослав Ωμέγα ß ÄÖÜ}]\n")
    result = run_job(Job(guide, {"pdf": tmp_path / "l.pdf"}))
    assert result.error is None and result.warnings == []


HUGE = " ".join(["word"] * 4000)
EXTREME = f"""title: "{HUGE[:300]}"
labels: {{tasks: "{HUGE[:300]}"}}
roles:
  - id: a
    name: "{HUGE[:300]}"
    summary: "{HUGE}"
    tasks: [x]
    responsibilities: [{{title: "{HUGE[:300]}", text: "{HUGE}"}}]
    career: {{levels: [{{title: "{HUGE[:300]}"}}, {{title: B}}]}}
  - id: b
    name: B
comparisons:
  - title: "{HUGE[:300]}"
    intro: "{HUGE}"
    rows: [{{dimension: "{HUGE[:300]}", cells: {{a: "{HUGE}", b: x}}}}]
faq: [{{question: "{HUGE[:300]}", answer: "{HUGE}"}}]
"""


def test_titles_longer_than_the_limit_are_refused_by_check(tmp_path: Path) -> None:
    from guidebuilder.errors import ContentError
    from guidebuilder.guide.load import load_guide

    guide = write(tmp_path, EXTREME.replace("HUGE[:300]", "").replace(
        f'name: "{HUGE[:300]}"', f'name: "{HUGE[:1200]}"'))
    with pytest.raises(ContentError, match=r"roles\[0\].name: is 1,199 characters long; at most "
                                           r"300 fit here"):
        load_guide(guide)


def test_extreme_sizes_build_without_layout_errors_or_overflow(tmp_path: Path) -> None:
    import subprocess
    import sys

    from pptx import Presentation

    from deckcheck import overflows as _overflows

    guide = write(tmp_path, EXTREME)
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "build", str(guide), "--out",
                             str(tmp_path)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "guide.pdf").pages) > 10
    assert len(Presentation(tmp_path / "guide.pptx").slides) > 10
    assert _overflows(tmp_path / "guide.pptx") == []
