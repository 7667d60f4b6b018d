"""Colour arithmetic: WCAG contrast, readable ink, mixing and ramps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.brand.colormath import contrast, luminance, mix, ramp, readable_on, rgb, to_hex
from guidebuilder.brand.model import Brand, Colors

colours = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: to_hex(*c))


def test_contrast_extremes_and_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the AA grey


@given(colours, colours)
def test_contrast_is_symmetric_and_bounded(a: str, b: str) -> None:
    assert contrast(a, b) == pytest.approx(contrast(b, a))
    assert 1.0 <= contrast(a, b) <= 21.0


@given(colours)
def test_readable_on_picks_the_better_candidate(background: str) -> None:
    ink = readable_on(background)
    other = "#111111" if ink == "#FFFFFF" else "#FFFFFF"
    assert contrast(ink, background) >= contrast(other, background)
    assert contrast(ink, background) >= 4.5 or luminance(background) > 0.1


def test_hex_round_trip_mix_and_ramp() -> None:
    assert rgb("#1F4E79") == (31, 78, 121) and to_hex(31, 78, 121) == "#1F4E79"
    assert to_hex(-5, 300, 12.6) == "#00FF0D"
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    steps = [ramp("#1F4E79", "#FFFFFF", i, 4) for i in range(4)]
    assert steps[-1] == "#1F4E79" and len(set(steps)) == 4
    assert [luminance(s) for s in steps] == sorted((luminance(s) for s in steps), reverse=True)


def test_brand_ink_on_uses_its_own_colours() -> None:
    brand = Brand(colors=Colors(foreground="#222222", background="#FAFAFA"))
    assert brand.ink_on("#000000") == "#FAFAFA" and brand.ink_on("#FFFFFF") == "#222222"
