"""Every brand file of the corpus (tests/brand/corpus) builds, with its values in both outputs;
every invalid one gives a located one-line error."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from guidebuilder.brand.locate import load_brand
from guidebuilder.errors import BrandError
from guidebuilder.run.job import Job, run_job

from conftest import SEED

CORPUS = Path(__file__).parent / "corpus"
VALID = sorted((CORPUS / "valid").glob("*.yml"))
INVALID = sorted((CORPUS / "invalid").glob("*.yml"))


def _expected(path: Path) -> dict[str, str]:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    pairs = re.findall(r"(\w+)=(.*?)(?= \w+=|$)", header.removeprefix("# expect: "))
    return dict(pairs)


def _pdf_fill_colours(pdf: Path) -> set[str]:
    """Every fill colour (``r g b rg``) the PDF's pages set, as #RRGGBB."""
    found = set()
    for page in PdfReader(pdf).pages:
        content = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", content):
            found.add("#" + "".join(f"{round(float(v) * 255):02X}" for v in (r, g, b)))
    return found


@pytest.fixture(scope="module", params=VALID, ids=[p.stem for p in VALID])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    brand_file: Path = request.param
    folder = tmp_path_factory.mktemp(brand_file.stem)
    targets = {"pdf": folder / "g.pdf", "pptx": folder / "g.pptx"}
    result = run_job(Job(SEED, targets, brand_file))
    return brand_file, result, targets


def test_builds(built) -> None:
    _, result, targets = built
    assert result.error is None, result.error
    assert all(path.stat().st_size > 1000 for path in targets.values())


def test_primary_colour_in_both_outputs(built) -> None:
    brand_file, _, targets = built
    primary = _expected(brand_file)["primary"]
    deck_xml = b"".join(zipfile.ZipFile(targets["pptx"]).read(name) for name in
                        zipfile.ZipFile(targets["pptx"]).namelist() if name.endswith(".xml"))
    assert f'val="{primary[1:]}"'.encode() in deck_xml
    assert primary in _pdf_fill_colours(targets["pdf"])


def test_organisation_name(built) -> None:
    brand_file, _, targets = built
    name = _expected(brand_file)["name"]
    reader = PdfReader(targets["pdf"])
    assert reader.metadata.author == name
    cover = reader.pages[0].extract_text()
    prs = Presentation(targets["pptx"])
    first_slide = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    if name:
        assert name in cover and name in first_slide
    assert "guidebuilder" not in cover and "guidebuilder" not in first_slide
    assert prs.core_properties.author == name


def test_slide_background(built) -> None:
    brand_file, _, targets = built
    background = _expected(brand_file)["background"]
    master = Presentation(targets["pptx"]).slide_master
    assert str(master.background.fill.fore_color.rgb) == background[1:]
    if background != "#FFFFFF" and int(background[1:3], 16) > 200:  # light: the pages take it
        assert background in _pdf_fill_colours(targets["pdf"])


def test_logo(built) -> None:
    brand_file, _, targets = built
    wanted = _expected(brand_file)["logo"] == "yes"
    prs = Presentation(targets["pptx"])
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert bool(pictures) == wanted
    images = [n for page in PdfReader(targets["pdf"]).pages[:2]
              for n in page["/Resources"].get("/XObject", {})]
    vector = brand_file.read_text(encoding="utf-8").count(".svg") > 0
    assert bool(images) == wanted or (wanted and vector)  # an SVG is drawn as vectors


@pytest.mark.parametrize("brand_file", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_brand_gives_one_located_line(brand_file: Path) -> None:
    expected = brand_file.read_text(encoding="utf-8").splitlines()[0].removeprefix("# error: ")
    with pytest.raises(BrandError) as caught:
        load_brand(brand_file)
    messages = [str(p) for p in caught.value.problems]
    assert any(expected in m for m in messages), messages
    assert all(re.match(rf"{re.escape(str(brand_file))}:\d+:\d+: ", m) for m in messages)
    assert all("\n" not in m for m in messages) and len(set(messages)) == len(messages)
