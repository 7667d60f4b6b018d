"""A logo that would vanish on a background (white on clear, on the handbook's white pages) is
drawn on a plate of the colour it shows on: in the handbook's running header and cover, and on
the slides; a logo that shows gets none."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from pptx import Presentation

from guidebuilder.brand.locate import load_brand
from guidebuilder.brand.model import Colors, Picture
from guidebuilder.brand.plates import plate_for
from guidebuilder.run.job import Job, run_job

from conftest import SEED, write

NAVY = "#0B1426"


def _logo(folder: Path, ink: str, name: str, accent: str | None = None) -> Path:
    """A wordmark-like logo: a bar of ``ink`` on a clear ground, a small ``accent`` square."""
    image = Image.new("RGBA", (200, 60), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 15, 190, 45), fill=ink)
    if accent:
        draw.rectangle((0, 0, 20, 20), fill=accent)
    path = folder / name
    image.save(path)
    return path


def _picture(path: Path) -> Picture:
    return Picture(path, "logo", path)


@pytest.mark.parametrize("ink, accent, background, colors, plate", [
    ("#FFFFFF", None, "#FFFFFF", Colors(background=NAVY), NAVY),  # a dark brand's, on paper
    ("#FFFFFF", None, "#FFFFFF", Colors(), Colors().dark),  # a light brand: its dark colour
    ("#FFFFFF", None, NAVY, Colors(background=NAVY), None),  # where it was made for
    ("#1F4E79", None, "#FFFFFF", Colors(), None),  # dark ink shows on paper
    ("#EEEEEE", None, "#FFFFFF", Colors(background=NAVY), NAVY),  # pale grey does not show
    ("#FFC857", None, "#FFFFFF", Colors(background=NAVY), None),  # gold shows, if faintly
    ("#1F4E79", "#FFFFFF", "#FFFFFF", Colors(), None),  # a white detail is no reason
])
def test_a_logo_gets_a_plate_only_where_most_of_it_would_not_show(
        tmp_path: Path, ink: str, accent: str | None, background: str, colors: Colors,
        plate: str | None) -> None:
    picture = _picture(_logo(tmp_path, ink, "logo.png", accent))
    assert plate_for(picture, background, colors) == plate


def test_a_dark_wordmark_beside_a_light_mark_gets_a_plate_on_a_dark_slide(tmp_path: Path) -> None:
    """A third of the logo (its dark wordmark) would vanish though its mark shows: a plate of
    the colour it all shows on."""
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 150, 100), fill="#2BB3A8")  # the mark
    draw.rectangle((160, 30, 300, 80), fill="#14283A")  # the wordmark
    image.save(path := tmp_path / "logo.png")
    colors = Colors(background="#0E1A22", foreground="#E6F0EF", dark="#0E1A22", primary="#2BB3A8")
    assert plate_for(_picture(path), "#0E1A22", colors) == "#E6F0EF"
    assert plate_for(_picture(path), "#FFFFFF", colors) is None


def test_an_unreadable_image_gets_no_plate(tmp_path: Path) -> None:
    broken = write(tmp_path, b"not an image", "logo.png")
    assert plate_for(_picture(broken), "#FFFFFF", Colors(background=NAVY)) is None


def _dark_brand(folder: Path) -> Path:
    _logo(folder, "#FFFFFF", "logo.png")
    return write(folder, f"""meta: {{name: Datenwerk}}
logo: {{images: {{word: {{path: logo.png, alt: Datenwerk}}}}, small: word, large: word}}
color: {{background: "{NAVY}", foreground: "#E8EEF6", primary: "#5CC8FF"}}
""", "_brand.yml")


def test_a_dark_brands_white_logo_is_on_a_plate_on_the_handbooks_pages(tmp_path: Path) -> None:
    brand = _dark_brand(tmp_path)
    assert load_brand(brand)[0].surfaces.page.background == "#FFFFFF"  # printed on white
    target = tmp_path / "guide.pdf"
    result = run_job(Job(SEED, {"pdf": target}, brand))
    assert result.error is None, result.error
    with pdfplumber.open(target) as pdf:
        for page in pdf.pages[:3]:  # the cover, then running headers
            image = page.images[0]
            plates = [shape for shape in page.rects + page.curves  # rounded: curves
                      if shape["fill"] and _hex(shape["non_stroking_color"]) == NAVY]
            assert plates, f"page {page.page_number}: no plate"
            plate = plates[0]
            assert (plate["x0"] < image["x0"] and image["x1"] < plate["x1"]
                    and plate["top"] < image["top"] and image["bottom"] < plate["bottom"])


def _hex(color: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in color[:3])


def test_a_light_brands_white_logo_is_on_a_plate_on_every_slide_it_is_on(tmp_path: Path) -> None:
    _logo(tmp_path, "#FFFFFF", "logo.png")
    brand = write(tmp_path, "meta: {name: Lightco}\nlogo: {images: {word: {path: logo.png, "
                            "alt: Lightco}}, small: word, large: word}\n", "_brand.yml")
    target = tmp_path / "guide.pptx"
    result = run_job(Job(SEED, {"pptx": target}, brand))
    assert result.error is None, result.error
    deck = Presentation(str(target))
    for number, slide in enumerate(deck.slides, 1):
        shapes = list(slide.shapes)
        logos = [(i, s) for i, s in enumerate(shapes) if s.name == "Logo"]
        assert logos, f"slide {number}: no logo"
        for index, logo in logos:  # behind it (before it in the tree), around it
            assert any(plate.name == "Logo plate" and str(plate.fill.fore_color.rgb) == "102A43"
                       and plate.left < logo.left
                       and logo.left + logo.width < plate.left + plate.width
                       and plate.top < logo.top
                       and logo.top + logo.height < plate.top + plate.height
                       for plate in shapes[:index]), f"slide {number}: no plate"
