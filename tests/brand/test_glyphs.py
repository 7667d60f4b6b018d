"""Glyph coverage: which characters the brand's fonts draw, and warnings for the rest."""

from __future__ import annotations

from pathlib import Path

from guidebuilder.brand.glyphs import charset, drawable, keep_drawable
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
