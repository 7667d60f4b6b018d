"""Canary for deck/pptx_internals.py: each private python-pptx name the deck relies on still
exists and still does what python-pptx's public API shows it doing. A failure here means a
python-pptx release changed it."""

from __future__ import annotations

import copy
import io

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from guidebuilder.deck import pptx_internals as internals


def _two_slide_deck() -> tuple[object, list[object]]:
    prs = Presentation()
    adder = internals.SlideAdder(prs)
    layout = prs.slide_layouts[5]
    return prs, [adder.add(layout), adder.add(layout)]


def test_slides_are_added_with_unique_ids_and_relationships() -> None:
    prs, slides = _two_slide_deck()
    ids = [s.slide_id for s in prs.slides]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert [s.part.partname for s in prs.slides] == [s.part.partname for s in slides]
    assert len({str(s.part.partname) for s in slides}) == 2


def test_slides_are_named_and_numbered_as_python_pptx_would() -> None:
    ours, theirs = Presentation(), Presentation()
    adder = internals.SlideAdder(ours)
    for _ in range(3):
        adder.add(ours.slide_layouts[5])
        theirs.slides.add_slide(theirs.slide_layouts[5])
    assert [(str(s.part.partname), s.slide_id) for s in ours.slides] == \
        [(str(s.part.partname), s.slide_id) for s in theirs.slides]


def test_slides_are_dropped() -> None:
    prs, _ = _two_slide_deck()
    internals.drop_slides(prs)
    assert len(prs.slides) == 0
    saved = io.BytesIO()
    prs.save(saved)
    assert len(Presentation(saved).slides) == 0


def test_elements_are_the_ones_the_public_api_writes() -> None:
    prs, slides = _two_slide_deck()
    box = slides[0].shapes.add_textbox(0, 0, 100, 100)
    box.text_frame.text = "public"
    body = internals.text_body(box.text_frame)
    assert body.tag == qn("p:txBody") and body.getparent() is box.element
    assert [t.text for t in body.iter(qn("a:t"))] == ["public"]
    tree = internals.shape_tree(slides[0])
    assert tree.tag == qn("p:spTree") and box.element.getparent() is tree
    assert internals.part_element(slides[0].part) is slides[0].element
    elements = internals.master_and_layout_elements(prs)
    public = [prs.slide_master.element, *(layout.element for layout in prs.slide_layouts)]
    assert elements == public


def test_notes_parts_are_made_from_a_blank_copy() -> None:
    prs, slides = _two_slide_deck()
    first = slides[0].notes_slide.part
    master = first.part_related_by(RT.NOTES_MASTER)
    blank = copy.deepcopy(internals.part_element(first))
    second = internals.new_notes_part(2, slides[1].part, blank, master)
    assert slides[1].part.part_related_by(RT.NOTES_SLIDE) is second
    assert second.part_related_by(RT.SLIDE) is slides[1].part
    saved = io.BytesIO()
    prs.save(saved)
    reopened = Presentation(saved)
    assert all(s.has_notes_slide for s in reopened.slides)


def test_theme_parts_take_new_bytes() -> None:
    prs = Presentation()
    themes = internals.theme_parts(prs)
    assert themes == [m.part.part_related_by(RT.THEME) for m in prs.slide_masters]
    changed = themes[0].blob.replace(b"Office Theme", b"Our Theme")
    assert changed != themes[0].blob
    internals.replace_blob(themes[0], changed)
    saved = io.BytesIO()
    prs.save(saved)
    assert Presentation(saved).slide_master.part.part_related_by(RT.THEME).blob == changed


def test_frozen_parts_save_their_kept_bytes() -> None:
    prs, slides = _two_slide_deck()
    slides[0].shapes.add_textbox(0, 0, 100, 100).text_frame.text = "kept"
    part = slides[0].part
    internals.freeze(part)
    assert not hasattr(part, "_element") and b"kept" in part.blob
    saved = io.BytesIO()
    prs.save(saved)
    assert Presentation(saved).slides[0].shapes[0].text_frame.text == "kept"


def test_package_items_are_what_save_writes() -> None:
    import zipfile

    prs, slides = _two_slide_deck()
    slides[0].shapes.add_textbox(0, 0, 100, 100).text_frame.text = "items"
    slides[1].notes_slide.notes_text_frame.text = "notes"
    saved = io.BytesIO()
    prs.save(saved)
    with zipfile.ZipFile(saved) as archive:
        expected = [(info.filename, archive.read(info)) for info in archive.infolist()]
    assert list(internals.package_items(prs)) == expected
