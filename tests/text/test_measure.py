"""Text measurement: wrapping, counting and pagination agree with each other."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import CUT, TextBlock, _join_lines, blocks_height, paginate
from guidebuilder.text.measure import (
    WHOLE_WORDS,
    Measurer,
    append_run,
    ellipsize,
    leading_sentences,
    shorten,
)

MEASURER = Measurer(DEFAULT_BRAND.typography.base, DEFAULT_BRAND.typography.mono)
words = st.text(alphabet=st.sampled_from("abc XYZ-–żЖλ  "), max_size=60)
runs = st.lists(st.builds(Run, words, st.booleans(), st.booleans(), st.booleans()),
                min_size=1, max_size=4)


@given(runs, st.floats(20, 600), st.sampled_from([12.0, 14.0, 18.0]))
def test_line_count_matches_wrap(pieces: list[Run], width: float, size: float) -> None:
    lines = MEASURER.wrap(pieces, width, size)
    assert MEASURER.line_count(pieces, width, size) == len(lines)
    for line in lines:
        if len("".join(r.text for r in line)) > 1:
            assert sum(MEASURER.run_width(r, size) for r in line) <= width + 0.01


@given(runs, st.floats(20, 600))
def test_wrap_keeps_every_character_but_breaking_spaces(pieces: list[Run], width: float) -> None:
    joined = "".join(r.text for line in MEASURER.wrap(pieces, width, 14) for r in line)
    assert joined.replace(" ", "") == "".join(r.text for r in pieces).replace(" ", "")


@given(st.lists(runs, max_size=6))
def test_joined_lines_are_runs_merged_piece_by_piece(lines: list[list[Run]]) -> None:
    """Joining a cell's wrapped lines back into a paragraph (a page's share of a long cell)
    gives the runs that merging the pieces one by one gives, each line after the first
    joined by one space."""
    expected: list[Run] = []
    for index, line in enumerate(lines):
        for piece_index, piece in enumerate(line):
            text = piece.text.lstrip() if piece_index == 0 else piece.text
            append_run(expected, piece.with_text(" " + text if index and not piece_index else text))
    assert _join_lines(lines) == expected


@given(st.lists(words, min_size=1, max_size=12), st.floats(40, 400), st.floats(30, 300))
def test_paginate_keeps_order_and_fits(texts: list[str], width: float, height: float) -> None:
    blocks = [TextBlock((Run(t or "x"),), 14.0, 0.0, 6.0) for t in texts]
    pages = paginate(MEASURER, blocks, width, height)
    for page in pages:
        assert blocks_height(MEASURER, page, width) <= height or len(page) == 1
    flat = "".join(r.text for page in pages for b in page for r in b.runs).replace(CUT, "")
    assert flat.replace(" ", "") == "".join(b.runs[0].text for b in blocks).replace(" ", "")


@pytest.mark.parametrize(("text", "words", "lead"), [
    ("One. Two.", 1, "One."), ("No break here", 1, "No break here"),
    ("e.g. this. Next", 1, "e.g. this."), ("Что? Да.", 1, "Что?"),
    ("Καλημέρα. Αύριο.", 1, "Καλημέρα."),
    ("Yes. Every analyst writes SQL code every day. Most use Python.", 8,
     "Yes. Every analyst writes SQL code every day."),
    ("No.", 8, "No."), ("  No. It depends.  ", 8, "No. It depends."),
    ("One two three four five six seven eight. Nine.", 8,
     "One two three four five six seven eight."),
    ("Betreibt Pipelines mit dem Plattform- bzw. Data-Team. Danach mehr.", 6,
     "Betreibt Pipelines mit dem Plattform- bzw. Data-Team."),
    ("Nutzt Werkzeuge, z. B. Spark oder z.B. Kafka. Mehr dazu hier.", 4,
     "Nutzt Werkzeuge, z. B. Spark oder z.B. Kafka."),
    ("Uses tools, e.g. Spark, etc. Then more words follow here.", 3,
     "Uses tools, e.g. Spark, etc. Then more words follow here."),
    ("No. Product managers own the roadmap. Then more.", 2,
     "No. Product managers own the roadmap.")])
def test_leading_sentences_reach_the_word_count(text: str, words: int, lead: str) -> None:
    assert leading_sentences(text, words) == lead


@pytest.mark.parametrize(("text", "limit", "short"), [
    ("short", 10, "short"), ("one two three four", 12, "one two…"), ("abcdefghij", 5, "abcd…"),
    ("a, b, c, d", 6, "a, b…")])
def test_shorten(text: str, limit: int, short: str) -> None:
    assert shorten(text, limit) == short and len(short) <= limit


@given(st.text(alphabet=st.sampled_from("ab XYZ-żЖλ"), max_size=3000), st.integers(1, 60))
def test_ellipsize_keeps_the_longest_prefix_that_fits(text: str, room: int) -> None:
    def fits(shown: str) -> bool:
        return len(shown) <= room

    shown = ellipsize(text, fits)
    if fits(text):
        assert shown == text
    else:
        cut = shown[:-1]
        assert shown.endswith("…") and text.startswith(cut) and fits(cut + "…")
        longest = text[:room - 1].rstrip()  # the longest prefix that fits
        assert cut == longest or (  # or one ended between words, keeping most of it
            text[len(cut)] in " ,;:·" and len(cut) + 1 >= WHOLE_WORDS * len(longest))


def test_ellipsize_measures_a_long_text_few_times() -> None:
    calls = []

    def fits(shown: str) -> bool:
        calls.append(shown)
        return MEASURER.width(shown, 10) <= 200

    shown = ellipsize("word " * 20_000, fits)
    assert shown.endswith("…") and MEASURER.width(shown, 10) <= 200 and len(calls) < 40


def test_a_replaced_font_file_is_measured_again(tmp_path) -> None:
    import shutil

    from guidebuilder.brand.model import FONT_DIR, Font

    path = tmp_path / "Brand.ttf"
    shutil.copy(FONT_DIR / "LiberationSans-Regular.ttf", path)
    before = Measurer(Font("Brand", {"regular": path})).width("mmmm iiii", 12)
    path.unlink()  # replaced, as an editor or a download does: a new file at the same path
    shutil.copy(FONT_DIR / "LiberationMono-Regular.ttf", path)
    after = Measurer(Font("Brand", {"regular": path})).width("mmmm iiii", 12)
    assert after != before


def test_text_the_font_lacks_is_measured_in_its_fallback_font() -> None:
    """Arabic (which Liberation Sans lacks) is measured in the fallback font that sets it,
    shaped (joined letters are narrower than isolated ones); Latin stays in the brand's font."""
    import shutil
    import subprocess
    from pathlib import Path

    from guidebuilder.brand.model import Fallback, Font

    fc_list = shutil.which("fc-list")
    files = subprocess.run([fc_list, ":lang=ar", "file"], capture_output=True, text=True
                           ).stdout.split() if fc_list else []
    if not files:
        pytest.skip("no installed font has Arabic")
    arabic = Path(files[0].rstrip(":"))
    base = DEFAULT_BRAND.typography.base
    word = "استعلامات"
    fallback = Fallback(Font("Arabic", {"regular": arabic}), "ARABIC", "cs",
                        frozenset(map(ord, word)))
    plain, with_fallback = Measurer(base), Measurer(base, fallbacks=(fallback,))
    in_fallback = Measurer(Font("Arabic", {"regular": arabic}))
    assert with_fallback.width(word, 20) == pytest.approx(in_fallback.width(word, 20))
    assert with_fallback.width(word, 20) != pytest.approx(plain.width(word, 20))
    assert with_fallback.width("SQL", 20) == plain.width("SQL", 20)
    mixed = with_fallback.width(f"SQL {word}", 20)
    assert mixed == pytest.approx(plain.width("SQL ", 20) + in_fallback.width(word, 20))
    assert with_fallback.line_count([Run(f"SQL {word} " * 8)], 200, 20) == len(
        with_fallback.wrap([Run(f"SQL {word} " * 8)], 200, 20))


def test_right_to_left_text_is_measured_shaped() -> None:
    """HarfBuzz widths, as the handbook draws: with or without Pillow's raqm layout."""
    from guidebuilder.text.shaping import shaped_length

    base = DEFAULT_BRAND.typography.base
    path = base.file()
    from guidebuilder.cache import identity

    assert Measurer(base).width("שלום", 200) == pytest.approx(
        shaped_length(path, identity(path), "שלום", 200))


def test_a_line_set_partly_in_a_tall_fallback_font_is_measured_that_tall(tmp_path) -> None:
    """PowerPoint sets a line as tall as the tallest font in it asks (Noto Sans Arabic: 2.1
    times the size); a line of the brand's font alone stays at 1.2 times."""
    from fontTools.ttLib import TTFont

    from guidebuilder.brand.model import Fallback, Font

    base = DEFAULT_BRAND.typography.base
    font = TTFont(base.file())
    for table, ascent in (("hhea", "ascent"), ("OS/2", "usWinAscent")):
        setattr(font[table], ascent, getattr(font[table], ascent) * 2)
    tall = tmp_path / "tall.ttf"
    font.save(tall)
    arabic = "استعلامات"
    fallback = Fallback(Font("Tall", {"regular": tall}), "ARABIC", "cs", frozenset(map(ord, arabic)))
    measurer = Measurer(base, base, fallbacks=(fallback,))
    assert measurer.line_height([Run("Recruiter")], 20) == pytest.approx(24)
    taller = measurer.line_height([Run("Recruiter "), Run(arabic, bold=True)], 20)
    assert taller == pytest.approx(20 * (font["hhea"].ascent - font["hhea"].descent)
                                   / font["head"].unitsPerEm, rel=0.02)
    assert taller > 36
    assert measurer.line_height([Run(arabic, code=True)], 20) == pytest.approx(24)  # monospace
    block = TextBlock((Run(f"Recruiter {arabic} " * 12),), 20)
    lines = measurer.line_count(block.runs, 300, 20)
    assert blocks_height(measurer, [block], 300) == pytest.approx(lines * taller)


def test_a_paragraph_cut_over_pages_is_marked_where_it_is_cut() -> None:
    """Neither part of a cut paragraph reads as a whole sentence: the first ends with "…" and
    the rest starts with one; each part still fits its page."""
    text = " ".join(f"word{n}" for n in range(80)) + "."
    pages = paginate(MEASURER, [TextBlock((Run(text),), 14.0)], 200.0, 100.0)
    parts = ["".join(r.text for r in page[0].runs) for page in pages]
    assert len(parts) > 2
    assert all(part.endswith(CUT) for part in parts[:-1])
    assert all(part.startswith(CUT) for part in parts[1:])
    assert all(blocks_height(MEASURER, page, 200.0) <= 100.0 for page in pages)
    assert " ".join(parts).replace(CUT, " ").split() == text.split()
