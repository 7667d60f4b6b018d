"""Brand files: lookup, resolution, the example brand applied to both outputs, and bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader
from typer.testing import CliRunner

from guidebuilder.brand.locate import find_brand, load_brand
from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.cli import app
from guidebuilder.run.job import Job, run_job

from conftest import ROOT, SEED, write

EXAMPLE = ROOT / "examples" / "northwind" / "_brand.yml"


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    guide = write(tmp_path / "guides" if (tmp_path / "guides").mkdir() is None else tmp_path, "x")
    monkeypatch.chdir(tmp_path)
    assert find_brand(guide, None) is None
    write(tmp_path, "meta: {name: Cwd}\n", "_brand.yml")
    assert find_brand(guide, None) == Path.cwd() / "_brand.yml"
    beside = write(guide.parent, "meta: {name: Beside}\n", "_brand.yml")
    assert find_brand(guide, None) == beside
    assert find_brand(guide, tmp_path / "x.yml") == tmp_path / "x.yml"
    assert load_brand(None) == (DEFAULT_BRAND, [])


def test_example_brand_resolves() -> None:
    brand, warnings = load_brand(EXAMPLE)
    assert brand.meta.name == "Northwind Talent"
    assert (brand.colors.primary, brand.colors.secondary, brand.colors.foreground) == (
        "#0F6E6E", "#C2502F", "#162C3A")
    assert brand.typography.base.family == "Carlito" and set(brand.typography.base.files) == {
        "regular", "bold", "italic", "bolditalic"}
    assert brand.logos.large.light.path.name == "logo.png"
    assert brand.logos.small.light.alt == "Northwind Talent compass mark"
    assert (brand.defaults.page_size, brand.defaults.slide_size) == ("letter", "4:3")
    assert brand.footer_for("en").startswith("Northwind Talent")
    assert [str(w) for w in warnings] == [f"{EXAMPLE}: not used by guidebuilder: defaults.bootstrap."]


def test_pdf_uses_the_brand(branded_outputs: dict[str, Path]) -> None:
    branded = branded_outputs
    reader = PdfReader(branded["pdf"])
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1] for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts == {"Carlito", "Carlito-Bold", "Carlito-Italic"}
    assert [round(v) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    assert reader.metadata.author == "Northwind Talent"
    assert "Northwind Talent · Onboarding handbook · Internal" in reader.pages[2].extract_text()
    images = [name for page in reader.pages[:3] for name in page["/Resources"].get("/XObject", {})]
    assert len(images) >= 2  # large logo on the cover, small logo in the running header


def test_deck_uses_the_brand(branded_outputs: dict[str, Path]) -> None:
    branded = branded_outputs
    prs = Presentation(branded["pptx"])
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    title = prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0].font
    assert title.name == "Carlito" and str(title.color.rgb) == "0F6E6E"
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert pictures and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
    assert {p._element.nvPicPr.cNvPr.get("descr") for p in pictures} == {
        "Northwind Talent logo", "Northwind Talent compass mark"}
    footers = {s.text_frame.text for slide in prs.slides for s in slide.shapes if s.name == "Footer"}
    assert footers == {"Northwind Talent · Onboarding handbook · Internal"}
    header = next(s for slide in prs.slides for s in slide.shapes if s.has_table).table.cell(0, 1)
    assert str(header.fill.fore_color.rgb) == "0F6E6E"


def _brand_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(EXAMPLE.parent, folder)
    return folder


BAD_BRANDS = [
    ("misspelt-key", "colour:\n  primary: red\n", r"_brand.yml:1:1: colour: unknown key 'colour'; "
                                                  r"did you mean 'color'\?"),
    ("undefined-palette", "color:\n  palette: {teal: '#0F6E6E'}\n  primary: tealish\n",
     r"_brand.yml:3:12: color.primary: 'tealish' is not a colour, nor a theme or palette colour "
     r"name; .*one of: primary, teal"),
    ("bad-colour", "color:\n  primary: '#12'\n", r"_brand.yml:2:12: color.primary: '#12' is not a "),
    ("font-not-font", "typography:\n  fonts:\n    - family: X\n      files: [logo.png]\n",
     r"_brand.yml:4:15: typography.fonts\[0\].files\[0\].path: logo.png: not a usable font "),
    ("template-not-pptx", "defaults:\n  guidebuilder:\n    pptx-template: logo.png\n",
     r"_brand.yml:3:20: defaults.guidebuilder.pptx-template: 'logo.png' is not a .pptx file"),
    ("bad-page-size", "defaults:\n  guidebuilder:\n    page-size: A5\n",
     r"_brand.yml:3:16: defaults.guidebuilder.page-size: Input should be 'A4' or 'letter'"),
    ("misspelt-nested", "typography:\n  base:\n    familly: Carlito\n",
     r"typography.base.familly: unknown key 'familly'; did you mean 'family'\?"),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD_BRANDS, ids=[b[0] for b in BAD_BRANDS])
def test_bad_brand_input_exits_1_with_location(tmp_path: Path, name: str, text: str,
                                               expected: str) -> None:
    brand = write(_brand_folder(tmp_path), text, "_brand.yml")
    result = CliRunner().invoke(app, ["build", str(SEED), "--brand", str(brand), "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()
    import re

    assert re.search(expected, result.stderr), result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())


LOGO_NOTICES = [
    ("missing", "logo:\n  large: nope.png\n", "2:10: logo.large: logo file 'nope.png' not found"),
    ("not-image", "logo:\n  large: fonts/LICENSE-Carlito.txt\n",
     "logo.large: logo 'LICENSE-Carlito.txt' is not a readable image; it is left out"),
    ("url", "logo:\n  large: https://example.com/logo.png\n",
     "logo.large: the logo 'https://example.com/logo.png' is a URL, and guidebuilder never "
     "downloads during a build"),
    ("bomb", "logo: huge.png\n", "logo 'huge.png' has more than 25,000,000 pixels"),
]


@pytest.mark.parametrize(("name", "text", "expected"), LOGO_NOTICES, ids=[n[0] for n in LOGO_NOTICES])
def test_unusable_logo_is_a_notice_and_the_build_goes_on(tmp_path: Path, name: str, text: str,
                                                         expected: str) -> None:
    folder = _brand_folder(tmp_path)
    Image.new("1", (8000, 8000)).save(folder / "huge.png")
    brand, warnings = load_brand(write(folder, text, "_brand.yml"))
    assert brand.logos.large is None and brand.logos.small is None
    assert [w for w in map(str, warnings) if expected in w], warnings
    result = run_job(Job(SEED, {"pdf": tmp_path / "x.pdf", "pptx": tmp_path / "x.pptx"},
                         folder / "_brand.yml"))
    assert result.error is None and len(result.written) == 2


@pytest.mark.parametrize("flavor", ["woff", "woff2"])
def test_web_font_is_converted_and_embedded(tmp_path: Path, flavor: str) -> None:
    from fontTools.ttLib import TTFont

    folder = _brand_folder(tmp_path)
    font = TTFont(folder / "fonts" / "Carlito-Regular.ttf")
    font.flavor = flavor
    font.save(folder / "fonts" / f"Carlito.{flavor}")
    brand = write(folder, "typography:\n  fonts:\n    - family: Webby\n      files: "
                          f"[fonts/Carlito.{flavor}]\n  base: Webby\n", "_brand.yml")
    resolved, _ = load_brand(brand)
    assert resolved.typography.base.file().suffix == ".ttf"
    result = run_job(Job(SEED, {"pdf": tmp_path / "web.pdf"}, brand))
    assert result.error is None
    names = {str(f.get_object()["/BaseFont"]) for p in PdfReader(tmp_path / "web.pdf").pages
             for f in p["/Resources"]["/Font"].values()}
    assert any("Carlito" in name for name in names)


def test_low_contrast_is_warned(tmp_path: Path) -> None:
    brand = write(tmp_path, "color:\n  primary: '#FFEE88'\n", "_brand.yml")
    _, warnings = load_brand(brand)
    assert any("below WCAG AA (4.5:1)" in str(w) and (w.line, w.column) == (2, 12)
               for w in warnings)


def test_shorthands(tmp_path: Path) -> None:
    folder = _brand_folder(tmp_path)
    brand = write(folder, "meta:\n  name: Solo\nlogo: logo.png\ntypography:\n  fonts:\n"
                          "    - family: Carlito\n      files: [fonts/Carlito-Regular.ttf]\n"
                          "  base: Carlito\n", "_brand.yml")
    resolved, _ = load_brand(brand)
    assert resolved.meta.name == "Solo"
    assert resolved.logos.small.light.path == resolved.logos.large.light.path == folder / "logo.png"
    assert resolved.typography.base.family == "Carlito" and resolved.typography.base.file(bold=True).name == (
        "Carlito-Regular.ttf")


def test_template_layouts_by_name_with_fallback_warning(tmp_path: Path) -> None:
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name == "Title and Content":
            layout.name = "Words"
    prs.save(tmp_path / "template.pptx")
    brand = write(tmp_path, "defaults:\n  guidebuilder:\n    pptx-template: template.pptx\n",
                  "_brand.yml")
    result = run_job(Job(SEED, {"pptx": tmp_path / "t.pptx"}, brand))
    assert result.error is None
    assert [str(w) for w in result.warnings] == [
        f"{tmp_path / 'template.pptx'}: the template has no 'Title and Content' layout; "
        "using 'Title Only' for content slides."]
    deck = Presentation(tmp_path / "t.pptx")
    assert deck.slide_width == prs.slide_width  # a template keeps its own size
    assert {s.slide_layout.name for s in deck.slides} >= {"Title Slide", "Comparison",
                                                          "Title Only"}


def _cff_font(path: Path) -> Path:
    """A small OpenType font with CFF outlines (capital letters drawn as triangles)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    def triangle():
        pen = T2CharStringPen(600, None)
        pen.moveTo((50, 0))
        pen.lineTo((300, 700))
        pen.lineTo((550, 0))
        pen.closePath()
        return pen.getCharString()

    order = [".notdef", "space", *(chr(c) for c in range(ord("A"), ord("Z") + 1))]
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({32: "space", **{c: chr(c) for c in range(ord("A"), ord("Z") + 1)}})
    builder.setupCFF("Tri-Regular", {"FullName": "Tri Regular"}, {g: triangle() for g in order}, {})
    builder.setupHorizontalMetrics({g: (600, 50) for g in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tri", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_cff_opentype_font_is_converted_to_truetype(tmp_path: Path) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    _cff_font(tmp_path / "tri.otf")
    brand = write(tmp_path, "typography:\n  fonts:\n    - family: Tri\n      files: [tri.otf]\n"
                            "  headings: Tri\n", "_brand.yml")
    resolved, _ = load_brand(brand)
    converted = resolved.typography.headings.file()
    assert converted.suffix == ".ttf" and converted != tmp_path / "tri.otf"
    assert TTFont("Tri-converted", str(converted)).stringWidth("ABC", 10) == 18.0
