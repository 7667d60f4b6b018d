"""The PDF handbook, read back: content order, outline, links, fonts, metadata, geometry."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from guidebuilder.plan.document import RenderOptions
from guidebuilder.run.job import Job, run_job

from conftest import SEED, require_tool, walk, write


def text_of(pdf: Path) -> str:
    reader = PdfReader(pdf)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def build_pdf(guide: Path, target: Path, brand: Path | None = None) -> Path:
    result = run_job(Job(guide, {"pdf": target}, brand))
    assert result.error is None, result.error
    return target


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(reader.outline, 0)
    return out


def test_seed_content_in_document_order(seed_pdf: Path, seed_plan) -> None:
    text = text_of(seed_pdf)
    expected = ["Product Manager vs Program Manager", "Who Does What?", "Contents", "Introduction",
                "Product Managers are integral to the lifecycle", "Key Differences",
                "Scope and Objectives", "Drive the development of a product",
                "Oversee multiple related projects", "Tools and Technologies",
                "In some organizations, especially smaller ones",
                "Essential Skills and Skill Differences", "Technical and Analytical Tools Mastery",
                "Product Manager", "Responsibilities", "Product Strategy and Vision Development",
                "Task examples", "Analyze product metrics and user feedback", "Career path",
                "Associate Product Manager", "VP of Product / Chief Product Officer",
                "Data Product Managers", "Program Manager", "Program Strategy and Objectives",
                "Proactively identify and mitigate risks", "Junior Program Manager",
                "Chief Operations Officer", "Frequently asked questions",
                "What skill sets are unique", "Can a Product Manager transition",
                "Closing", "We hope you enjoyed"]
    position = 0
    for snippet in expected:
        found = text.find(snippet, position)
        assert found >= 0, f"{snippet!r} missing or out of order"
        position = found


def test_every_faq_and_level_is_in_the_pdf(seed_pdf: Path, seed_plan) -> None:
    text = text_of(seed_pdf)
    from guidebuilder.guide.load import load_guide

    guide = load_guide(SEED).guide
    for entry in guide.faq:
        assert entry.question in text
        assert entry.answer.plain[:60] in text
    for role in guide.roles:
        for level in role.career.levels:
            assert level.title in text
        for task in role.tasks:
            assert task.plain in text


def test_outline_has_every_chapter_and_section(seed_pdf: Path, seed_plan) -> None:
    reader = PdfReader(seed_pdf)
    titles = outline_titles(reader)
    expected = [(depth, section.title) for depth, section in walk(seed_plan.sections)]
    assert [t for t in titles if t[1] not in ("Contents", seed_plan.meta.title)] == expected
    assert 7 <= len(reader.pages) <= 16


def test_contents_entries_are_links(seed_pdf: Path) -> None:
    reader = PdfReader(seed_pdf)
    contents_page = reader.pages[1]
    links = [a.get_object() for a in contents_page.get("/Annots", [])
             if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 13


def test_running_header_and_page_numbers(seed_pdf: Path) -> None:
    reader = PdfReader(seed_pdf)
    total = len(reader.pages)
    assert "Page 1 of" not in (reader.pages[0].extract_text() or "")
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Product Manager vs Program Manager" in text


def test_fonts_are_embedded(seed_pdf: Path) -> None:
    reader = PdfReader(seed_pdf)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[font["/BaseFont"]] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    assert fonts and all(fonts.values()), fonts
    assert all("LiberationSans" in name for name in fonts)


def test_metadata(seed_pdf: Path) -> None:
    reader = PdfReader(seed_pdf)
    meta = reader.metadata
    assert meta.title == "Product Manager vs Program Manager"
    assert meta.author == ""  # the built-in brand names no organisation
    assert meta.subject == "Who Does What?"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_two_builds_are_identical_and_honour_source_date_epoch(tmp_path: Path, seed_pdf: Path,
                                                               monkeypatch) -> None:
    again = build_pdf(SEED, tmp_path / "again.pdf")
    assert again.read_bytes() == seed_pdf.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = build_pdf(SEED, tmp_path / "dated.pdf")
    assert PdfReader(dated).metadata["/CreationDate"].startswith("D:20231114")
    assert dated.read_bytes() == build_pdf(SEED, tmp_path / "dated2.pdf").read_bytes()


def test_literal_markup_and_languages(tmp_path: Path) -> None:
    guide = write(tmp_path, """title: Zażółć gęślą jaźń
subtitle: Съешь же ещё этих мягких французских булок
summary: |
  Text <b>not bold</b> &amp; 5 < 7 and **really bold**. Ελληνικά: Καλημέρα κόσμε. Größe ß.
roles:
  - id: a
    name: Kierownik produktu
    tasks: ["Задача с `кодом` и [ссылкой](https://example.com/x?a=1&b=2)"]
""")
    text = text_of(build_pdf(guide, tmp_path / "lang.pdf"))
    for snippet in ("Zażółć gęślą jaźń", "Съешь же ещё этих мягких французских булок",
                    "Text <b>not bold</b> &amp; 5 < 7 and really bold.", "Καλημέρα κόσμε",
                    "Größe ß", "Задача с кодом и ссылкой"):
        assert snippet in text
    reader = PdfReader(tmp_path / "lang.pdf")
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages
            for a in page.get("/Annots", []) if "/A" in a.get_object()]
    assert "https://example.com/x?a=1&b=2" in uris


def test_stress_guide_stays_inside_pages(stress_outputs: dict[str, Path]) -> None:
    pdftotext = require_tool("pdftotext")
    pdf = stress_outputs["pdf"]
    html = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert len(pages) == len(PdfReader(pdf).pages)
    margin = 2.2 * 72 / 2.54
    for width, height, body in pages:
        for x_min, y_min, x_max, y_max in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', body):
            assert float(x_min) >= margin - 1 and float(x_max) <= float(width) - margin + 1
            assert float(y_min) >= 0 and float(y_max) <= float(height)


def test_tables_of_up_to_six_roles_stay_on_portrait_pages(stress_outputs: dict[str, Path]) -> None:
    sizes = {(round(p.mediabox.width), round(p.mediabox.height))
             for p in PdfReader(stress_outputs["pdf"]).pages}
    assert sizes == {(595, 842)}


def test_letter_page_size(tmp_path: Path) -> None:
    brand = write(tmp_path, "defaults:\n  guidebuilder:\n    page-size: letter\n", "_brand.yml")
    pdf = build_pdf(SEED, tmp_path / "letter.pdf", brand)
    page = PdfReader(pdf).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (612, 792)


def test_fonts_of_the_same_file_name_stay_apart_in_one_process(tmp_path: Path, seed_plan) -> None:
    """A worker renders many guides: two brands whose fonts share a file name (or one font
    file changed on disk) each get their own font."""
    import dataclasses
    import io
    import os
    import shutil

    from guidebuilder.brand.model import DEFAULT_BRAND, FONT_DIR, Font
    from guidebuilder.pdf import render as render_pdf

    def brand_with(source: str, folder: str):
        path = tmp_path / folder / "Brand.ttf"
        path.parent.mkdir(exist_ok=True)
        shutil.copy(FONT_DIR / source, path)
        font = Font("Brand", {"regular": path})
        return dataclasses.replace(DEFAULT_BRAND, typography=dataclasses.replace(
            DEFAULT_BRAND.typography, base=font, headings=font)), path

    def fonts_of(brand) -> set[str]:
        stream = io.BytesIO()
        render_pdf(seed_plan, brand, stream, RenderOptions())
        reader = PdfReader(io.BytesIO(stream.getvalue()))
        return {str(font["/BaseFont"]).split("+")[-1] for page in reader.pages
                for font in (page["/Resources"].get("/Font") or {}).values()
                for font in [font.get_object()]}

    sans, path = brand_with("LiberationSans-Regular.ttf", "a")
    mono, _ = brand_with("LiberationMono-Regular.ttf", "b")
    assert "LiberationSans" in fonts_of(sans) and "LiberationMono" not in fonts_of(sans)
    assert "LiberationMono" in fonts_of(mono) and "LiberationSans" not in fonts_of(mono)
    shutil.copy(FONT_DIR / "LiberationMono-Bold.ttf", path)  # the first brand's font changes
    os.utime(path, ns=(1, 2_000_000_000_000_000_000))
    assert "LiberationMono-Bold" in fonts_of(sans)


def test_bold_and_italic_code_keep_their_style() -> None:
    """A code span set bold or italic is drawn in the monospace font's bold or italic."""
    from reportlab.platypus import Paragraph

    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.guide.richtext import Run
    from guidebuilder.pdf.styles import build_styles

    styles = build_styles(DEFAULT_BRAND)
    runs = [Run("plain"), Run("b", bold=True, code=True), Run("i", italic=True, code=True),
            Run("bi", bold=True, italic=True, code=True), Run("c", code=True)]
    paragraph = Paragraph(styles.markup.runs(runs), styles.body)
    fonts = {frag.text: frag.fontName for frag in paragraph.frags}
    mono = styles.markup.mono.removesuffix("-regular")
    assert fonts == {"plain": styles.fonts["base"], "b": f"{mono}-bold", "i": f"{mono}-italic",
                     "bi": f"{mono}-bolditalic", "c": f"{mono}-regular"}


def test_a_list_in_an_answer_is_set_with_the_answer(tmp_path: Path) -> None:
    """An answer's list starts right of the answer's own text, not at the page margin."""
    guide = write(tmp_path, "title: T\nroles: [{id: a, name: A}]\nfaq:\n"
                            "  - question: How do we start?\n    answer: |\n"
                            "      Plainly put:\n\n      1. Meetfirst the team.\n"
                            "      2. Setupthen the laptop.\n")
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(build_pdf(guide, tmp_path / "a.pdf")),
                           "-"], capture_output=True, text=True, check=True).stdout
    x = {word: float(left) for left, word in re.findall(r'xMin="([\d.]+)"[^>]*>([^<]+)<', html)}
    assert x["Meetfirst"] == x["Setupthen"] > x["Plainly"] > x["How"]
    assert x["1."] > x["Plainly"]


def test_every_row_boundary_is_ruled_by_the_row_drawn_over_it() -> None:
    """Each row is its own table, drawn over the one before: the rule between two rows is the
    lower one's line above (a line below was half covered by the next row's background, and
    on a shaded row it did not show), the last row's line below closes the table."""
    from reportlab.platypus import Table

    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.guide.richtext import parse
    from guidebuilder.pdf.structure import StructTree
    from guidebuilder.pdf.styles import build_styles
    from guidebuilder.pdf.tables import ComparisonTables
    from guidebuilder.plan.document import Table as PlanTable
    from guidebuilder.plan.document import TableRow

    rows = tuple(TableRow(f"Row {n}", ((parse(f"Cell {n}"),), (parse("x"),))) for n in range(4))
    flow = ComparisonTables(DEFAULT_BRAND, build_styles(DEFAULT_BRAND), 700.0).flowables(
        PlanTable(("A", "B"), ("A", "B"), rows), 400.0, StructTree("T", "en").root)
    tables = [f for f in walk_flowables(flow) if isinstance(f, Table)][1:]  # the header first
    lines = [{command[0] for command in table._linecmds} for table in tables]
    assert lines == [set(), {"LINEABOVE"}, {"LINEABOVE"}, {"LINEABOVE", "LINEBELOW"}]


def walk_flowables(flowables: list) -> list:
    """Flowables, those inside a KeepTogether in place of it."""
    from reportlab.platypus import KeepTogether

    from guidebuilder.pdf.reportlab_internals import kept_flowables

    out = []
    for flowable in flowables:
        out += walk_flowables(kept_flowables(flowable)) if isinstance(flowable, KeepTogether) \
            else [flowable]
    return out
