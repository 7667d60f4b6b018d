"""The tagged handbook, read back: the structure tree holds every heading, list item, table cell
and figure of the guide in order, and none of the page furniture; PDF/UA basics are present."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from guidebuilder.pdf.structure import heading_role
from guidebuilder.plan.document import Bullets, Definitions, DocumentPlan, Ladder, Questions
from guidebuilder.plan.document import Table as PlanTable
from guidebuilder.plan.layout import header_names

from conftest import ROOT, SEED, require_tool, walk

STRIP = 60  # points at the top and bottom of a page: the running header and footer


@dataclass(eq=False)
class Node:
    """An element as ``pdfinfo -struct-text`` prints it."""

    role: str
    depth: int
    text: list[str] = field(default_factory=list)
    attrs: list[str] = field(default_factory=list)
    kids: list[Node] = field(default_factory=list)

    def all_text(self, skip: tuple[str, ...] = ()) -> str:
        parts = [*self.text, *(k.all_text(skip) for k in self.kids if k.role not in skip)]
        return " ".join(" ".join(parts).split())

    def walk(self) -> list[Node]:
        return [self, *(n for k in self.kids for n in k.walk())]


def struct_text(pdf: Path) -> str:
    done = subprocess.run([require_tool("pdfinfo"), "-struct-text", str(pdf)], capture_output=True,
                          text=True, check=True)
    assert done.stderr == "", done.stderr  # no syntax warnings
    return done.stdout


def struct_tree(pdf: Path) -> Node:
    root = Node("root", -1)
    stack = [root]
    for line in struct_text(pdf).splitlines():
        depth = len(line) - len(line.lstrip())
        body = line.strip()
        while stack[-1].depth >= depth:
            stack.pop()
        if body.startswith('"'):
            stack[-1].text.append(body.strip('"'))
        elif body.startswith("/"):
            stack[-1].attrs.append(body)
        elif body and not body.startswith("Object "):
            node = Node(body.split()[0].rstrip(":"), depth)
            stack[-1].kids.append(node)
            stack.append(node)
    return root


def squeeze(text: str) -> str:
    return " ".join(text.split())


def expected_headings(plan: DocumentPlan) -> list[tuple[str, str]]:
    labels = plan.meta.labels
    out = [("H1", plan.meta.title), ("H1", labels.contents)]
    for depth, section in walk(plan.sections):
        out.append((heading_role(depth), section.title))
        inner = heading_role(depth + 1)
        for element in section.elements:
            match element:
                case Definitions():
                    out += [(inner, item.term) for item in element.items]
                case Questions():
                    out += [(inner, f"{labels.question} {item.question}") for item in element.items]
                case Ladder():
                    out += [(inner, f"{n}. {lv.term}") for n, lv in enumerate(element.levels, 1)]
    return [(role, squeeze(text)) for role, text in out]


def elements(plan: DocumentPlan, kind: type) -> list:
    return [e for _, s in walk(plan.sections) for e in s.elements if isinstance(e, kind)]


def test_headings_are_the_guides_in_order_at_their_levels(seed_pdf: Path, seed_plan) -> None:
    nodes = struct_tree(seed_pdf).walk()
    found = [(n.role, n.all_text()) for n in nodes if re.fullmatch(r"H[1-6]", n.role)]
    assert found == expected_headings(seed_plan)


def test_one_document_root_and_every_structure_type(seed_pdf: Path) -> None:
    tree = struct_tree(seed_pdf)
    assert [k.role for k in tree.kids] == ["Document"]
    roles = {n.role for n in tree.walk()}
    assert roles >= {"H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody",
                     "TR", "TH", "TD", "Figure", "Link", "TOC", "TOCI"}


def test_every_task_is_a_list_item_in_order(seed_pdf: Path, seed_plan) -> None:
    bodies = [n.all_text() for n in struct_tree(seed_pdf).walk() if n.role == "LBody"]
    tasks = [squeeze(t.plain) for b in elements(seed_plan, Bullets) for t in b.items]
    position = 0
    for task in tasks:
        assert task in bodies[position:], f"{task!r} missing or out of order"
        position = bodies.index(task, position) + 1


def test_tables_are_whole_with_header_cells(seed_pdf: Path, seed_plan) -> None:
    tables = [n for n in struct_tree(seed_pdf).walk() if n.role == "Table"]
    planned = elements(seed_plan, PlanTable)
    assert len(tables) == len(planned)
    for node, table in zip(tables, planned, strict=True):
        rows = [n for n in node.walk() if n.role == "TR"]
        cells = [[(c.role, c.attrs, c.all_text(skip=("Lbl",))) for c in row.kids] for row in rows]
        names = header_names(table.columns, table.short_columns)
        assert cells[0] == [("TH", ["/Scope /Column"], "")] + [
            ("TH", ["/Scope /Column"], squeeze(name)) for name in names]
        assert len(cells) == 1 + len(table.rows)  # the repeated header row is not tagged again
        for got, row in zip(cells[1:], table.rows, strict=True):
            assert got[0] == ("TH", ["/Scope /Row"], squeeze(row.dimension))
            assert [c[0] for c in got[1:]] == ["TD"] * len(row.cells)
            for (_, _, text), points in zip(got[1:], row.cells, strict=True):
                for point in points:  # a line that breaks after a hyphen is read with a space
                    assert squeeze(point.plain) in text.replace("- ", "-")


def test_figures_have_alternative_text_listing_the_levels(seed_pdf: Path, seed_plan) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(seed_pdf) as pdf:
        alts = [str(e.get("/Alt", "")) for e in _struct_elems(pdf.Root.StructTreeRoot.K)
                if e.get("/S") == "/Figure"]
    assert alts and all(alts)
    ladders = [a for a in alts if seed_plan.meta.labels.career in a]
    levels = [lv for ladder in elements(seed_plan, Ladder) for lv in ladder.levels]
    assert len(ladders) >= len(elements(seed_plan, Ladder))
    text = " ".join(ladders)
    positions = [text.find(f"{lv.term}") for lv in levels]
    assert -1 not in positions


def _struct_elems(k):  # type: ignore[no-untyped-def]
    import pikepdf

    items = list(k) if isinstance(k, pikepdf.Array) else [k]
    for item in items:
        if isinstance(item, pikepdf.Dictionary) and "/S" in item:
            yield item
            if "/K" in item:
                yield from _struct_elems(item.K)


def test_links_are_described_and_in_the_tree(seed_pdf: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(seed_pdf) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert str(pdf.Root.Lang) == "en"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        assert b"<pdfuaid:part>1</pdfuaid:part>" in pdf.Root.Metadata.read_bytes()
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        links = [a for page in pdf.pages for a in page.get("/Annots", [])
                 if a.get("/Subtype") == "/Link"]
        assert links
        for link in links:
            assert str(link.Contents).strip()
            assert parents[int(link.StructParent)].S == "/Link"
        for page in pdf.pages:
            assert page.get("/Tabs") in (None, "/S") and "/StructParents" in page


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]+", text)}


def _page_words(pdf: Path, body_only: bool) -> set[str]:
    crop = ["-x", "0", "-y", str(STRIP), "-W", "2000", "-H", str(792 - 2 * STRIP)] if body_only else []
    done = subprocess.run([require_tool("pdftotext"), *crop, str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    return _words(done.stdout)


@pytest.mark.parametrize("which", ["seed", "branded"])
def test_tags_hold_the_words_on_the_pages_but_not_the_furniture(
        which: str, seed_pdf: Path, branded_outputs: dict[str, Path], seed_plan) -> None:
    pdf = seed_pdf if which == "seed" else branded_outputs["pdf"]
    text = struct_text(pdf)
    tagged = _words("\n".join(line for line in text.splitlines() if '"' in line))
    page_words = _page_words(pdf, body_only=True)
    assert len(page_words - tagged) <= 0.02 * len(page_words), sorted(page_words - tagged)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout)[1])
    for page in (2, pages):
        assert seed_plan.meta.labels.page.format(page=page, pages=pages) not in text


def test_pdfua_finds_nothing(seed_pdf: Path, branded_outputs: dict[str, Path],
                             tmp_path: Path) -> None:
    pytest.importorskip("pdfua")
    from guidebuilder.run.job import Job, run_job

    dark = tmp_path / "dark.pdf"
    assert run_job(Job(SEED, {"pdf": dark}, _dark_brand(tmp_path))).error is None
    for pdf in (seed_pdf, branded_outputs["pdf"], dark):
        done = subprocess.run([sys.executable, "-m", "pdfua", "check",
                               "--min-severity", "warning", str(pdf)],
                              capture_output=True, text=True)
        assert "PASS (no findings)" in done.stdout, done.stdout


def _dark_brand(folder: Path) -> Path:
    """A dark brand whose logos are SVG."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="60" '
           'height="60" fill="{0}"/><text x="70" y="40" font-size="30" fill="{0}">Owl</text></svg>')
    (folder / "ink.svg").write_text(svg.format("#111111"))
    (folder / "white.svg").write_text(svg.format("#FFFFFF"))
    brand = folder / "_brand.yml"
    brand.write_text(
        "meta:\n  name: Owl Works\n"
        "logo:\n  images:\n    ink: {path: ink.svg}\n    white: {path: white.svg, alt: Owl Works}\n"
        "  small: {light: ink, dark: white}\n  large: {light: ink, dark: white}\n"
        "color:\n  foreground: '#F1F1F2'\n  background: '#141418'\n  primary: '#75A5CC'\n")
    return brand


def test_a_dark_brand_with_svg_logos_is_tagged(tmp_path: Path) -> None:
    from guidebuilder.run.job import Job, run_job

    pdf = tmp_path / "dark.pdf"
    assert run_job(Job(ROOT / "examples" / "data-team" / "data-roles.yaml", {"pdf": pdf},
                       _dark_brand(tmp_path))).error is None
    nodes = struct_tree(pdf).walk()
    assert nodes[2].role == "Figure"  # the cover logo, first in the reading order
    roles = {n.role for n in nodes}
    assert {"Figure", "Table", "L", "Link"} <= roles
