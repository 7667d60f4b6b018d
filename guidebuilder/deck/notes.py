"""Speaker notes, written quickly: python-pptx makes the first notes slide; later ones copy its
empty XML (see pptx_internals.new_notes_part)."""

from __future__ import annotations

import copy
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from guidebuilder.deck.pptx_internals import new_notes_part, part_element
from guidebuilder.text.markup import escape


class NotesWriter:
    """Adds one notes slide per slide, holding plain text (one paragraph per line)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._blank: Any = None
        self._master: Any = None
        self._next = 0

    def add(self, slide: Any, text: str) -> None:
        if self._blank is None:
            part = slide.notes_slide.part
            self._blank = copy.deepcopy(part_element(part))
            self._master = part.part_related_by(RT.NOTES_MASTER)
            self._next = int(str(part.partname).rsplit("notesSlide", 1)[1].split(".")[0]) + 1
        else:
            part = new_notes_part(self._next, slide.part, copy.deepcopy(self._blank), self._master)
            self._next += 1
        self._write(part_element(part), text)

    def _write(self, element: Any, text: str) -> None:
        body = next(sp.find(qn("p:txBody")) for sp in element.iter(qn("p:sp"))
                    if _is_body(sp) and sp.find(qn("p:txBody")) is not None)
        for paragraph in body.findall(qn("a:p")):
            body.remove(paragraph)
        xml = "".join(f'<a:p><a:r><a:rPr lang="{self.language}" dirty="0"/>'
                      f"<a:t>{escape(line)}</a:t></a:r></a:p>" if line else "<a:p/>"
                      for line in text.strip().split("\n"))
        for paragraph in parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>"):
            body.append(paragraph)


def _is_body(shape: Any) -> bool:
    ph = shape.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return ph is not None and ph.get("type") == "body"
