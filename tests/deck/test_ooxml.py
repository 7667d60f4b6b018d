"""deck/ooxml.py's element edits, checked against python-pptx's public API or literal XML (its
shape and text writers are checked in test_shapes.py)."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from guidebuilder.deck import ooxml
from guidebuilder.deck.notes import NotesWriter


@pytest.mark.parametrize(("color", "expected"), [
    ("#aa3300", b'<a:hlink><a:srgbClr val="AA3300"/></a:hlink>'),
    ("112233", b'<a:folHlink><a:srgbClr val="112233"/></a:folHlink>'),
])
def test_theme_link_colours_are_set(color: str, expected: bytes) -> None:
    theme = Presentation().slide_master.part.part_related_by(RT.THEME).blob
    changed = ooxml.with_link_colors(theme, color)
    assert expected in changed and changed.startswith(b"<?xml version='1.0' encoding='UTF-8'")


def test_placeholders_are_known_by_their_public_type() -> None:
    kinds = {"TITLE (1)": "title", "CENTER_TITLE (3)": "title", "SUBTITLE (4)": "subtitle",
             "BODY (2)": "body", "OBJECT (7)": "body"}
    seen = set()
    for layout in Presentation().slide_layouts:
        for placeholder in layout.placeholders:
            public = str(placeholder.placeholder_format.type)
            assert ooxml.placeholder_kind(placeholder.element) == kinds.get(public), public
            seen.add(public)
    assert set(kinds) <= seen


def test_notes_read_back_through_python_pptx() -> None:
    prs = Presentation()
    slides = [prs.slides.add_slide(prs.slide_layouts[5]) for _ in range(2)]
    writer = NotesWriter("de")
    writer.add(slides[0], "first & <one>\n\nsecond")
    writer.add(slides[1], "  other  \n")
    saved = io.BytesIO()
    prs.save(saved)
    reopened = Presentation(saved).slides
    assert reopened[0].notes_slide.notes_text_frame.text == "first & <one>\n\nsecond"
    assert reopened[1].notes_slide.notes_text_frame.text == "other"
    run = reopened[0].notes_slide.notes_text_frame.paragraphs[0].runs[0]
    assert run._r.rPr.get("lang") == "de"  # python-pptx's language_id knows "de-DE", not "de"


def test_masters_stretch_horizontally() -> None:
    prs = Presentation()
    layout = prs.slide_layouts[0]
    before = [(s.left, s.width, s.top, s.height) for s in layout.placeholders]
    ooxml.stretch_horizontally([prs.slide_master.element, layout.element], 1.5)
    after = [(s.left, s.width, s.top, s.height) for s in layout.placeholders]
    assert after == [(round(x * 1.5), round(w * 1.5), y, h) for x, w, y, h in before]
