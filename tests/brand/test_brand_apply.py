"""What a brand file says reaches the outputs: fills vs heading colours, font stacks and weights,
logo variants and formats, link and code colours, readable text on any background."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from pptx import Presentation

from guidebuilder.brand.colormath import contrast
from guidebuilder.brand.locate import load_brand
from guidebuilder.run.job import Job, run_job

from conftest import ROOT, SEED, write

ASSETS = Path(__file__).parent / "corpus" / "assets"
CARLITO = ROOT / "examples" / "northwind" / "fonts"


def _deck_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(n).decode() for n in package.namelist()
                       if n.startswith("ppt/slides/slide"))


def test_headings_colour_does_not_replace_the_primary_fill(tmp_path: Path) -> None:
    brand = write(tmp_path, "color:\n  primary: '#C00000'\ntypography:\n  headings:\n"
                            "    color: '#222222'\n", "_brand.yml")
    resolved, _ = load_brand(brand)
    assert (resolved.colors.primary, resolved.surfaces.slide.heading) == ("#C00000", "#222222")
    run_job(Job(SEED, {"pptx": tmp_path / "d.pptx"}, brand))
    header = next(s for slide in Presentation(tmp_path / "d.pptx").slides for s in slide.shapes
                  if s.has_table).table.cell(0, 1)
    assert str(header.fill.fore_color.rgb) == "C00000"


def test_font_stack_takes_the_first_usable_family_and_weights(tmp_path: Path) -> None:
    carlito = os.path.relpath(CARLITO, tmp_path)  # paths are relative to the brand file
    brand = write(tmp_path, f"""typography:
  fonts:
    - family: Body
      source: file
      files:
        - {{path: {carlito}/Carlito-Regular.ttf, weight: 400}}
        - {{path: {carlito}/Carlito-Bold.ttf, weight: 700}}
    - {{family: Web Only, source: google}}
  base:
    family: "'Web Only', Body, sans-serif"
  headings:
    family: Body
    weight: normal
    style: italic
""", "_brand.yml")
    resolved, warnings = load_brand(brand)
    type_ = resolved.typography
    assert type_.base.family == "Body" and type_.base.file().name == "Carlito-Regular.ttf"
    assert type_.base.file(bold=True).name == "Carlito-Bold.ttf"
    assert (type_.heading_bold, type_.heading_italic) == (False, True)
    notices = [str(w) for w in warnings if "Web Only" in str(w)]
    assert len(notices) == 1 and "using Body" in notices[0] and "source: file" in notices[0]
    run_job(Job(SEED, {"pptx": tmp_path / "d.pptx"}, brand))
    title = Presentation(tmp_path / "d.pptx").slides[1].shapes.title.text_frame.paragraphs[0]
    assert title.runs[0].font.bold is False and title.runs[0].font.italic is True


def test_logo_variants_and_formats(tmp_path: Path) -> None:
    assets = os.path.relpath(ASSETS, tmp_path)
    brand = write(tmp_path, f"""color: {{background: '#111111', foreground: '#EEEEEE'}}
logo:
  small: {{light: {assets}/logo.png, dark: {assets}/icon.ico}}
  large: {assets}/logo.svg
""", "_brand.yml")
    resolved, _ = load_brand(brand)
    dark_small = resolved.logos.small.on("#111111")
    assert dark_small.path.suffix == ".ico" and dark_small.raster.suffix == ".png"
    assert resolved.logos.small.on("#FFFFFF").path.name == "logo.png"
    assert resolved.logos.large.light.raster.suffix == ".png"  # the SVG rendered for the deck
    targets = {"pdf": tmp_path / "d.pdf", "pptx": tmp_path / "d.pptx"}
    assert run_job(Job(SEED, targets, brand)).error is None
    prs = Presentation(targets["pptx"])
    images = {s.image.content_type for slide in prs.slides for s in slide.shapes
              if s.shape_type == 13}
    assert images == {"image/png"}
    from pypdf import PdfReader

    cover = PdfReader(targets["pdf"]).pages[0]
    assert not cover["/Resources"].get("/XObject")  # the SVG is drawn as vectors, not an image
    assert b"re f" in cover.get_contents().get_data() or b" re" in cover.get_contents().get_data()


def test_link_and_code_colours_in_the_deck(tmp_path: Path) -> None:
    guide = write(tmp_path, "title: T\nsummary: 'See [the site](https://example.com) and "
                            "`code`.'\nroles: [{id: a, name: A}]\n")
    brand = write(tmp_path, "color:\n  primary: '#114477'\n  link: '#AA2200'\ntypography:\n"
                            "  monospace:\n    color: '#335500'\n", "_brand.yml")
    run_job(Job(guide, {"pptx": tmp_path / "d.pptx"}, brand))
    xml = _deck_xml(tmp_path / "d.pptx")
    link_run = xml[xml.index("the site") - 600:xml.index("the site")]
    assert 'val="AA2200"' in link_run and "hlinkClick" in link_run
    code_run = xml[xml.index(">code<") - 400:xml.index(">code<")]
    assert 'val="335500"' in code_run


def test_unreadable_colours_are_replaced_and_said(tmp_path: Path) -> None:
    brand = write(tmp_path, "color:\n  background: '#FFFFFF'\n  foreground: '#EEEEEE'\n"
                            "typography:\n  headings:\n    color: '#F5F5F5'\n", "_brand.yml")
    resolved, warnings = load_brand(brand)
    for surface in (resolved.surfaces.page, resolved.surfaces.slide):
        for ink in (surface.text, surface.heading, surface.link, surface.muted, surface.accent):
            assert contrast(ink, surface.background) >= 4.5
    said = [str(w) for w in warnings]
    assert any("color.foreground" in w and "#EEEEEE" in w for w in said)
    assert any("typography.headings.color" in w and "#F5F5F5" in w for w in said)


def test_no_name_prints_no_organisation(tmp_path: Path) -> None:
    brand = write(tmp_path, "color: {primary: '#224466'}\n", "_brand.yml")
    targets = {"pdf": tmp_path / "d.pdf", "pptx": tmp_path / "d.pptx"}
    run_job(Job(SEED, targets, brand))
    from pypdf import PdfReader

    reader = PdfReader(targets["pdf"])
    assert reader.metadata.author == ""
    assert all("guidebuilder" not in page.extract_text() for page in reader.pages)
    assert "guidebuilder" not in _deck_xml(targets["pptx"])
