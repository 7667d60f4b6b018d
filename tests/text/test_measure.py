"""Text measurement: wrapping, counting and pagination agree with each other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.guide.richtext import Run
from guidebuilder.text.blocks import TextBlock, blocks_height, paginate
from guidebuilder.text.measure import Measurer

MEASURER = Measurer(DEFAULT_BRAND.base, DEFAULT_BRAND.mono)
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


@given(st.lists(words, min_size=1, max_size=12), st.floats(40, 400), st.floats(30, 300))
def test_paginate_keeps_order_and_fits(texts: list[str], width: float, height: float) -> None:
    blocks = [TextBlock((Run(t or "x"),), 14.0, 0.0, 6.0) for t in texts]
    pages = paginate(MEASURER, blocks, width, height)
    for page in pages:
        assert blocks_height(MEASURER, page, width) <= height or len(page) == 1
    flat = "".join(r.text for page in pages for b in page for r in b.runs)
    assert flat.replace(" ", "") == "".join(b.runs[0].text for b in blocks).replace(" ", "")
