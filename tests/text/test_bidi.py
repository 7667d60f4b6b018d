"""Bidi levels and line reordering (text/bidi.py), against python-bidi's own reordering; which
text and languages are right to left (text/direction.py)."""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.text.bidi import display, levels, line_levels, visual_order, visual_runs
from guidebuilder.text.direction import first_strong_rtl, has_right_to_left, is_rtl_language, locale

# Hebrew and Arabic letters, Latin letters, digits, spaces and punctuation that bidi treats
# differently (separators, terminators, brackets)
MIXED = st.text(st.sampled_from(list("אבגדהוש" "سلامعيك" "abcJira" "0123" "  " ".,-:%()[]")),
                max_size=40)
BRACKETS = str.maketrans("()[]", "||||")


@pytest.mark.parametrize(("text", "rtl", "expected"), [
    ("abc אבג (def)", True, (2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1)),
    ("שלום", False, (1, 1, 1, 1)),
    ("ב-Jira", True, (1, 1, 2, 2, 2, 2)),
    ("1.", True, (2, 1)),
    ("سلام 2024", True, (1, 1, 1, 1, 1, 2, 2, 2, 2)),
    ("", True, ()),
])
def test_levels_are_python_bidis(text: str, rtl: bool, expected: tuple[int, ...]) -> None:
    """A canary for reading the levels out of python-bidi's debug description (one per byte)."""
    assert levels(text, rtl) == expected


@pytest.mark.parametrize(("text", "rtl", "expected"), [
    ("אבג (Jira) דה", True, "הד (Jira) גבא"),  # the brackets pair: the Latin stays inside
    ("מנהל SQL 2024 חדש", True, "שדח SQL 2024 להנמ"),
    ("1.", True, ".1"),
    ("The team says שלום to all", False, "The team says םולש to all"),
    ("אבג (דה)", True, "(הד) גבא"),  # right-to-left brackets mirrored
])
def test_display(text: str, rtl: bool, expected: str) -> None:
    assert display(text, rtl) == expected


@given(MIXED, st.booleans())
def test_visual_order_is_a_permutation_of_the_line(text: str, rtl: bool) -> None:
    order = visual_order(line_levels(levels(text, rtl), text, int(rtl)))
    assert sorted(order) == list(range(len(text)))
    visual = "".join(text[i] for i in order)
    assert sorted(visual) == sorted(text)
    back = [""] * len(text)  # the inverse permutation gives the logical text back
    for position, logical in enumerate(order):
        back[logical] = visual[position]
    assert "".join(back) == text


@given(MIXED, st.booleans())
def test_reordering_agrees_with_python_bidi(text: str, rtl: bool) -> None:
    """Our L1/L2 on python-bidi's levels gives python-bidi's display (which mirrors nothing)."""
    expected = get_display(text, base_dir="R" if rtl else "L")
    assert display(text, rtl).translate(BRACKETS) == expected.translate(BRACKETS)


@given(MIXED, st.booleans())
def test_runs_cover_the_line_once(text: str, rtl: bool) -> None:
    owners = [index // 5 for index in range(len(text))]
    runs = visual_runs(text, levels(text, rtl), owners, int(rtl))
    covered = sorted(i for start, end, _ in runs for i in range(start, end))
    assert covered == list(range(len(text)))
    assert all(len({owners[i] for i in range(start, end)}) == 1 for start, end, _ in runs)


@pytest.mark.parametrize(("tag", "rtl", "region"), [
    ("he", True, "he-IL"), ("ar", True, "ar-SA"), ("ar-EG", True, "ar-EG"), ("fa", True, "fa-IR"),
    ("en", False, "en"), ("de-AT", False, "de-AT"), ("HE", True, "he-IL"),
])
def test_languages(tag: str, rtl: bool, region: str) -> None:
    assert is_rtl_language(tag) is rtl
    assert locale(tag) == region


def test_which_text_needs_bidi() -> None:
    assert has_right_to_left("Jira ב-2024") and has_right_to_left("مرحبا")
    assert not has_right_to_left("Zażółć Καλημέρα 日本語")
    assert first_strong_rtl("2024 שלום") is True
    assert first_strong_rtl("Jira שלום") is False
    assert first_strong_rtl("2024 ...") is None


def test_left_to_right_guides_load_neither_bidi_nor_harfbuzz() -> None:
    """Building an LTR handbook and deck imports neither library, nor the modules that use
    them (they are for right-to-left text)."""
    code = ("import sys\nfrom pathlib import Path\nfrom guidebuilder.run.job import Job, run_job\n"
            "import tempfile\nd = Path(tempfile.mkdtemp())\n"
            "r = run_job(Job(Path('source/product-vs-program-manager.yaml'),"
            " {'pdf': d / 'a.pdf', 'pptx': d / 'a.pptx'}))\nassert r.error is None, r.error\n"
            "print(sorted(m for m in ('bidi', 'uharfbuzz', 'guidebuilder.text.bidi',"
            " 'guidebuilder.text.shaping', 'guidebuilder.pdf.rtl') if m in sys.modules))")
    from conftest import python_output

    assert python_output(code) == ["[]"]
