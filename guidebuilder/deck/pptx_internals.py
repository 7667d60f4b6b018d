"""Every use of python-pptx below its public API, in one module, each with the reason for it.
tests/deck/test_pptx_internals.py fails loudly when a python-pptx release changes one of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart


def drop_slides(prs: Any) -> None:
    """Remove every slide (a template's own samples): python-pptx has no public way to."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def master_and_layout_elements(prs: Any) -> list[Any]:
    """The XML of every slide master and layout, to rescale their shapes to a new slide size."""
    return [element for master in prs.slide_masters
            for element in [master._element, *(layout._element for layout in master.slide_layouts)]]


class SlideAdder:
    """Adds slides in constant time. python-pptx's ``slides.add_slide`` rescans every slide id
    and every relationship of the presentation for each new slide, and counts the slides for
    its part name (quadratic in slides), and clones every placeholder of the layout; here the
    next id and part number are counted (as python-pptx would find them), the relationship is
    added directly (a new part cannot be related already), and placeholders are left to the
    caller."""

    def __init__(self, prs: Any) -> None:
        self.prs = prs
        self._next_id: int | None = None
        self._next_number = 0

    def add(self, layout: Any) -> Any:
        """A new, empty slide on ``layout``, appended to the presentation."""
        presentation = self.prs.part
        slide_ids = self.prs.slides._sldIdLst
        if self._next_id is None:
            self._next_id = slide_ids._next_id
            self._next_number = len(slide_ids) + 1
        slide_part = SlidePart.new(PackURI(f"/ppt/slides/slide{self._next_number}.xml"),
                                   presentation.package, layout.part)
        rel_id = presentation.rels._add_relationship(RT.SLIDE, slide_part)
        slide_ids._add_sldId(id=self._next_id, rId=rel_id)
        self._next_id += 1
        self._next_number += 1
        return slide_part.slide


def set_link_colors(prs: Any, hex_color: str) -> None:
    """Make every master theme's hyperlink colours ``hex_color``: PowerPoint draws links in
    the theme's ``hlink`` colour whatever the run says. A theme part is kept as raw bytes by
    python-pptx (no XML API), so its blob is parsed, changed and put back."""
    from lxml import etree
    from pptx.oxml.ns import qn

    for master in prs.slide_masters:
        theme = master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob)
        for name in ("a:hlink", "a:folHlink"):
            for slot in root.iter(qn(name)):
                for child in list(slot):
                    slot.remove(child)
                etree.SubElement(slot, qn("a:srgbClr")).set("val", hex_color.lstrip("#").upper())
        theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)


def text_body(frame: Any) -> Any:
    """The ``a:txBody`` element of a text frame (shape or table cell), to write paragraphs as
    one XML fragment: python-pptx's per-property API is the deck's slowest part otherwise."""
    return frame._txBody


def shape_tree(slide: Any) -> Any:
    """The slide's ``p:spTree``, to put a shape behind the others (no public z-order API)."""
    return slide.shapes._spTree


def run_element(run: Any) -> Any:
    """The ``a:r`` element of a run, to replace it by a slide-number field (no public API)."""
    return run._r


def part_element(part: Any) -> Any:
    """The root XML element of a part (notes slides have no public accessor for it)."""
    return part._element


def new_notes_part(number: int, slide_part: Any, template: Any, master: Any) -> Any:
    """A notes slide for ``slide_part`` made from a copy of a blank notes slide's XML:
    python-pptx's ``notes_slide`` clones the notes master's placeholders for every slide, the
    slowest step of a large deck."""
    part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"),
                          CT.PML_NOTES_SLIDE, slide_part.package, template)
    part.relate_to(master, RT.NOTES_MASTER)
    part.relate_to(slide_part, RT.SLIDE)
    slide_part.relate_to(part, RT.NOTES_SLIDE)
    return part


def package_items(prs: Any) -> Iterator[tuple[str, bytes]]:
    """Every item of the package, named and ordered as python-pptx's ``PackageWriter`` writes
    them (content types, the package's relationships, then each part and its relationships),
    so the deck's archive is compressed once, dated as we choose: ``prs.save`` would compress
    everything with the clock's dates, to be unpacked and packed again."""
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from pptx.opc.serialized import _ContentTypesItem

    package = prs.part.package
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
    yield PACKAGE_URI.rels_uri.membername, package._rels.xml
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, part.rels.xml


class _Frozen:
    """A finished slide or notes part whose XML is kept as bytes and whose tree is freed."""

    _frozen: bytes

    @property
    def blob(self) -> bytes:
        return self._frozen


_FROZEN_CLASSES: dict[type, type] = {}


def freeze(part: Any) -> None:
    """Serialise a finished part now and drop its XML tree: a deck of a thousand slides then
    needs a fraction of the memory. python-pptx keeps every part's tree until it saves, and
    serialises a part through ``blob``; the part's class is swapped for a subclass whose
    ``blob`` returns the bytes kept. The part must not be changed afterwards."""
    blob = part.blob
    kind = type(part)
    frozen = _FROZEN_CLASSES.setdefault(kind, type(f"Frozen{kind.__name__}", (_Frozen, kind), {}))
    for cached in ("slide", "notes_slide"):  # python-pptx caches proxies of the tree here
        part.__dict__.pop(cached, None)
    part.__class__ = frozen
    part._frozen = blob
    del part._element
