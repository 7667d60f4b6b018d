"""Speaker notes: one notes slide per slide, later ones copied from the first's blank XML."""

from __future__ import annotations

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.slide import Slide

from guidebuilder.deck.ooxml import Element, copied, write_notes
from guidebuilder.deck.pptx_internals import new_notes_part, part_element


class NotesWriter:
    """Adds one notes slide per slide, holding plain text (one paragraph per line, right to
    left with ``rtl``)."""

    def __init__(self, language: str, rtl: bool = False) -> None:
        self.language = language
        self.rtl = rtl
        self._blank: tuple[Element, Part] | None = None  # a blank notes slide, its master
        self._next = 0

    def add(self, slide: Slide, text: str) -> None:
        if self._blank is None:
            part = slide.notes_slide.part
            self._blank = (copied(part_element(part)), part.part_related_by(RT.NOTES_MASTER))
            self._next = int(str(part.partname).rsplit("notesSlide", 1)[1].split(".")[0]) + 1
            element = part_element(part)
        else:
            blank, master = self._blank
            notes = new_notes_part(self._next, slide.part, copied(blank), master)
            self._next += 1
            element = part_element(notes)
        write_notes(element, text, self.language, self.rtl)
