"""The structure tree, ParentTree, MarkInfo and PDF/UA metadata, written into reportlab's
document objects before it formats them (one pass, no reparse, deterministic output)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from guidebuilder.pdf.reportlab_internals import (
    allow_page_keys,
    page_objects,
    reference,
    set_annotation_key,
)
from guidebuilder.pdf.structure import ROLE_MAP, Elem, Item, Recording, StructTree, xmp_date


@dataclass(frozen=True)
class _Written:
    """An element to write: its parent, its kids in order and the page it starts on."""

    elem: Elem
    parent: Elem | None
    kids: list[Item]
    page: int | None


def _live(tagger: Recording, elem: Elem, memo: dict[Elem, bool]) -> bool:
    """Whether ``elem`` or anything below it got content in this pass."""
    if elem not in memo:
        memo[elem] = elem in tagger.content or any(_live(tagger, c, memo) for c in elem.children)
    return memo[elem]


def _plan(tagger: Recording) -> list[_Written]:
    """The elements to write in tree order: those with content, and kept ones in a live parent."""
    memo: dict[Elem, bool] = {}
    root = tagger.tree.root
    root.children.extend(o for o in tagger.orphans if o not in root.children)
    plan: list[_Written] = []
    todo: list[tuple[Elem, Elem | None]] = [(root, None)]
    while todo:
        elem, parent = todo.pop()
        kids: list[Item] = [("elem", c) for c in elem.children if _live(tagger, c, memo) or c.keep]
        kids.extend(tagger.content.get(elem, ()))
        page = next((k[1][0] if k[0] == "mc" else k[1].page for k in kids if k[0] != "elem"), None)
        plan.append(_Written(elem, parent, kids, page))
        todo.extend((k[1], elem) for k in reversed(kids) if k[0] == "elem")
    return plan


def _attributes(elem: Elem) -> Any:
    attrs = [PDFDictionary({"O": PDFName(owner),
                            **{k: PDFName(v) if isinstance(v, str) else v for k, v in values.items()}})
             for owner, values in elem.attrs]
    return attrs[0] if len(attrs) == 1 else PDFArray(attrs)


def _kid(item: Item, page: int | None, refs: dict[Elem, Any], pages: list[Any]) -> Any:
    kind, value = item
    if kind == "elem":
        return refs[value]
    if kind == "mc":
        number, mcid = value
        if number == page:
            return mcid
        return PDFDictionary({"Type": PDFName("MCR"), "Pg": pages[number - 1], "MCID": mcid})
    return PDFDictionary({"Type": PDFName("OBJR"), "Obj": value.ref, "Pg": pages[value.page - 1]})


def _elements(canvas: Canvas, tagger: Recording, root: Any, pages: list[Any]) -> dict[Elem, Any]:
    """Every StructElem written; returns each element's reference."""
    plan = _plan(tagger)
    dicts = {w.elem: PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(w.elem.role)})
             for w in plan}
    refs = {elem: reference(canvas, d) for elem, d in dicts.items()}
    for w in plan:
        d = dicts[w.elem]
        d["P"] = refs[w.parent] if w.parent is not None else root
        if w.page is not None:
            d["Pg"] = pages[w.page - 1]
        kids = [_kid(item, w.page, refs, pages) for item in w.kids]
        if kids:
            d["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)
        if w.elem.alt is not None:
            d["Alt"] = PDFString(w.elem.alt)
        if w.elem.lang:
            d["Lang"] = PDFString(w.elem.lang)
        if w.elem.attrs:
            d["A"] = _attributes(w.elem)
    return refs


def write_structure(canvas: Canvas, tagger: Recording) -> None:
    """Add the tags ``tagger`` recorded to the document ``canvas`` is about to save."""
    tree = tagger.tree
    shown = page_objects(canvas)
    pages = [reference(canvas, page) for page in shown]
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = reference(canvas, root)
    refs = _elements(canvas, tagger, root_ref, pages)
    nums: list[Any] = []
    for number in range(1, len(pages) + 1):
        nums += [number - 1, PDFArray([refs[e] for e in tagger.page_mcids.get(number, [])])]
    linked = set()
    for index, annotation in enumerate(tagger.annotations, start=len(pages)):
        set_annotation_key(annotation.obj, "StructParent", index)
        nums += [index, refs[annotation.elem]]
        linked.add(annotation.page)
    root["K"] = refs[tree.root]
    root["ParentTree"] = reference(canvas, PDFDictionary({"Nums": PDFArray(nums)}))
    root["ParentTreeNextKey"] = len(pages) + len(tagger.annotations)
    root["RoleMap"] = PDFDictionary({k: PDFName(v) for k, v in ROLE_MAP.items()})
    for number, page in enumerate(shown, start=1):
        page.StructParents = number - 1
        allow_page_keys(page, "StructParents")
        if number in linked:
            page.Tabs = PDFName("S")
            allow_page_keys(page, "Tabs")
    canvas.setCatalogEntry("StructTreeRoot", root)
    canvas.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
    canvas.setCatalogEntry("Metadata", XMP(creator=lambda doc: xmp_packet(tree)))
    canvas.setCatalogEntry("Lang", PDFString(tree.lang))
    canvas.setViewerPreference("DisplayDocTitle", "true")


def xmp_packet(tree: StructTree) -> bytes:
    """XMP metadata naming the title, the language, the dates and PDF/UA-1 conformance."""
    title, lang = escape(tree.title), escape(tree.lang)
    dates = ""
    if tree.created is not None:
        date = xmp_date(tree.created)
        dates = (f"""
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
  </rdf:Description>""")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>guidebuilder</pdf:Producer>
  </rdf:Description>{dates}
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
