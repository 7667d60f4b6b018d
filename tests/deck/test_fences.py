"""The deck's fences hold, read from the source (AST): python-pptx's XML layer and lxml only in
deck/ooxml.py (and lxml's hardened parser for untrusted SVG logos in brand/svg.py),
python-pptx's private names only in deck/pptx_internals.py."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "guidebuilder"
XML_MODULE = PACKAGE / "deck" / "ooxml.py"
SVG_MODULE = PACKAGE / "brand" / "svg.py"  # parses logos with lxml, never python-pptx's layer
INTERNALS = PACKAGE / "deck" / "pptx_internals.py"
XML_CALLS = {"parse_xml", "qn", "nsdecls", "nsmap", "makeelement", "OxmlElement", "SubElement",
             "fromstring", "tostring", "xpath", "insert_element_before", "getparent"}
XML_TEXT = re.compile(r"</?[apr]:\w")  # DrawingML, PresentationML, relationship markup
PRIVATE_MODULES = ("pptx.parts", "pptx.opc.packuri", "pptx.opc.serialized", "pptx.opc.oxml")


def xml_layer_uses(source: str) -> list[str]:
    """What in ``source`` belongs to the XML layer: its imports, calls and XML strings."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(("lxml", "pptx.oxml"))]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(("lxml", "pptx.oxml")):
                found.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in XML_CALLS:
                found.append(f"{name}()")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and XML_TEXT.search(node.value)):
            found.append(repr(node.value[:40]))
    return found


def private_uses(source: str) -> list[str]:
    """python-pptx's private names in ``source``: ``._x`` attributes (not on ``self``) and
    imports of its parts and packaging internals."""
    tree = ast.parse(source)
    found = [node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
             and node.attr.startswith("_") and not node.attr.startswith("__")
             and not (isinstance(node.value, ast.Name) and node.value.id == "self")]
    found += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
              and n.module.startswith(PRIVATE_MODULES)]
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_xml_layer_lives_in_one_module(path: Path) -> None:
    used = xml_layer_uses(path.read_text(encoding="utf-8"))
    if path == SVG_MODULE:
        used = [use for use in used if not use.startswith("lxml")
                and use not in ("fromstring()", "tostring()", "getparent()")]
    if path != XML_MODULE:
        assert used == []


@pytest.mark.parametrize("path", sorted((PACKAGE / "deck").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_private_python_pptx_names_live_in_one_module(path: Path) -> None:
    if path != INTERNALS:
        assert private_uses(path.read_text(encoding="utf-8")) == []


def test_both_fenced_modules_are_in_use() -> None:
    assert xml_layer_uses(XML_MODULE.read_text(encoding="utf-8"))
    assert private_uses(INTERNALS.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("source", "expected"), [
    ("from pptx.oxml.ns import qn", ["pptx.oxml.ns"]),
    ("import lxml.etree", ["lxml.etree"]),
    ("from lxml import etree", ["lxml"]),
    ("x = element.makeelement(tag, {})", ["makeelement()"]),
    ("x = parse_xml(text)", ["parse_xml()"]),
    ("x = qn('a:p')", ["qn()"]),
    ("x = f'<a:p>{y}</a:p>'", ["'<a:p>'", "'</a:p>'"]),
    ("x = '<p:sp/>'", ["'<p:sp/>'"]),
    ("x = 'a < b: c'", []),
    ("x = shape.text_frame.text", []),
])
def test_the_xml_fence_sees(source: str, expected: list[str]) -> None:
    assert xml_layer_uses(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("x = prs.slides._sldIdLst", ["_sldIdLst"]),
    ("from pptx.parts.slide import SlidePart", ["pptx.parts.slide"]),
    ("x = self._cache", []),
    ("x = prs.slides[0].shapes", []),
])
def test_the_private_fence_sees(source: str, expected: list[str]) -> None:
    assert private_uses(source) == expected
