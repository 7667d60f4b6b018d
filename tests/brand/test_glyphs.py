"""Glyph coverage: which characters the brand's fonts draw, and warnings for the rest."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.brand.glyphs import charset, drawable, font_pieces, keep_drawable
from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.brand.scripts import missing_glyph_warnings
from guidebuilder.reading import located

from conftest import write


def test_default_fonts_cover_latin_greek_cyrillic_not_emoji() -> None:
    codes = drawable(DEFAULT_BRAND)
    assert all(ord(ch) in codes for ch in "Zażółć Ωμέγα Ёжик ß €–…•")
    assert 0x1F600 not in codes and 0x4E2D not in codes
    assert charset(DEFAULT_BRAND.typography.base.file()) >= codes


def test_keep_drawable_drops_only_what_cannot_be_drawn() -> None:
    codes = drawable(DEFAULT_BRAND)
    assert keep_drawable("ok 😀 fine", codes) == "ok  fine"
    text = "nothing to drop"
    assert keep_drawable(text, codes) is text


def test_warnings_name_each_character_once_at_its_first_place(tmp_path: Path) -> None:
    source = located.load(write(tmp_path, "title: T\nroles:\n  - {id: a, name: 中 😀}\n"
                                          "summary: 😀 again\n"), "guide", "title")
    warnings = missing_glyph_warnings(source, DEFAULT_BRAND)
    assert [(w.line, w.column, w.path) for w in warnings] == [
        (3, 19, "roles[0].name"), (3, 21, "roles[0].name")]
    assert "U+4E2D" in warnings[0].message and "used 2 times" in warnings[1].message


_LATIN = frozenset(range(0x20, 0x250))
_ARABIC = frozenset(range(0x600, 0x700))
_GREEK = frozenset(range(0x370, 0x400))


@given(st.text(alphabet=st.sampled_from("ab Z.\u0628\u064e\u0645 \u03b1\u03b2\u4e00\u200f")))
def test_font_pieces_keep_every_character_in_order(text: str) -> None:
    """Pieces put back together are the text (or the text without what no font has), each
    piece in one font that draws its letters, spaces and marks with the letter before them."""
    pieces = font_pieces(text, _LATIN, [_ARABIC, _GREEK])
    assert "".join(piece for _, piece in pieces) == text
    assert all(a[0] != b[0] for a, b in itertools.pairwise(pieces))
    drawn = {None: _LATIN, 0: _ARABIC, 1: _GREEK}
    for index, piece in pieces[1:]:
        assert ord(piece[0]) in drawn[index] or not piece[0].isalpha() or index is None
    kept = "".join(piece for _, piece in font_pieces(text, _LATIN, [_ARABIC, _GREEK],
                                                     keep_missing=False))
    drawable_ = _LATIN | _ARABIC | _GREEK
    assert [ch for ch in kept if ord(ch) in drawable_] == [ch for ch in text
                                                           if ord(ch) in drawable_]
    assert "\u4e00" not in kept
