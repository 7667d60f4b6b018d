"""Every private python-pptx name the deck uses, each with its reason (canaries: test_pptx_internals.py)."""

from __future__ import annotations

from collections.abc import Iterator

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame

from guidebuilder.deck.ooxml import Element


def drop_slides(prs: PresentationType) -> None:
    """Remove every slide (a template's own samples): python-pptx has no public way to."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def master_and_layout_elements(prs: PresentationType) -> list[Element]:
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

    def __init__(self, prs: PresentationType) -> None:
        self.prs = prs
        self._next_id: int | None = None
        self._next_number = 0

    def add(self, layout: SlideLayout) -> Slide:
        """A new, empty slide on ``layout``, appended to the presentation."""
        presentation = self.prs.part
        slide_ids = self.prs.slides._sldIdLst
        if self._next_id is None:
            self._next_id = slide_ids._next_id
            self._next_number = len(slide_ids) + 1
        partname = PackURI(f"/ppt/slides/slide{self._next_number}.xml")
        slide_part = SlidePart.new(partname, presentation.package,  # type: ignore[no-untyped-call]
                                   layout.part)
        rel_id = presentation.rels._add_relationship(RT.SLIDE, slide_part)
        slide_ids._add_sldId(id=self._next_id, rId=rel_id)
        self._next_id += 1
        self._next_number += 1
        slide: Slide = slide_part.slide
        return slide


def theme_parts(prs: PresentationType) -> list[Part]:
    """Each slide master's theme part, whose XML python-pptx keeps as bytes (no XML API)."""
    return [master.part.part_related_by(RT.THEME) for master in prs.slide_masters]


def replace_blob(part: Part, blob: bytes) -> None:
    """Put changed bytes (a theme's XML) back into a part python-pptx keeps as bytes."""
    part._blob = blob


def text_body(frame: TextFrame) -> Element:
    """The ``a:txBody`` element of a text frame (shape or table cell), to write paragraphs as
    one XML fragment: python-pptx's per-property API is the deck's slowest part otherwise."""
    return frame._txBody


def shape_tree(slide: Slide) -> Element:
    """The slide's ``p:spTree``, to put a shape behind the others (no public z-order API)."""
    return slide.shapes._spTree


def part_element(part: XmlPart) -> Element:
    """The root XML element of a part (notes slides have no public accessor for it)."""
    element: Element = part._element
    return element


def new_notes_part(number: int, slide_part: Part, template: Element, master: Part) -> XmlPart:
    """A notes slide for ``slide_part`` made from a copy of a blank notes slide's XML:
    python-pptx's ``notes_slide`` clones the notes master's placeholders for every slide, the
    slowest step of a large deck."""
    part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"),
                          CT.PML_NOTES_SLIDE, slide_part.package, template)
    part.relate_to(master, RT.NOTES_MASTER)
    part.relate_to(slide_part, RT.SLIDE)
    slide_part.relate_to(part, RT.NOTES_SLIDE)
    return part


def package_items(prs: PresentationType) -> Iterator[tuple[str, bytes]]:
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


def freeze(part: Part) -> None:
    """Serialise a finished part now and drop its XML tree: a deck of a thousand slides then
    needs a fraction of the memory. python-pptx keeps every part's tree until it saves, and
    serialises a part through ``blob``; the part's class is swapped for a subclass whose
    ``blob`` returns the bytes kept. The part must not be changed afterwards."""
    if not isinstance(part, XmlPart):
        raise TypeError(f"only XML parts are frozen, not {part.partname}")
    blob = part.blob
    kind = type(part)
    frozen = _FROZEN_CLASSES.setdefault(kind, type(f"Frozen{kind.__name__}", (_Frozen, kind), {}))
    for cached in ("slide", "notes_slide"):  # python-pptx caches proxies of the tree here
        part.__dict__.pop(cached, None)
    part.__class__ = frozen
    part._frozen = blob  # type: ignore[attr-defined]  # the subclass's own attribute
    del part._element
