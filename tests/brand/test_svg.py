"""SVG and bitmap logos are checked before decoding: size, shape, elements, other files."""

from __future__ import annotations

import gzip

import pytest

from guidebuilder.brand import svg

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


@pytest.mark.parametrize(("attributes", "size"), [
    ('viewBox="0 0 200 100"', (200.0, 100.0)),
    ('width="2in" viewBox="0 0 200 100"', (192.0, 96.0)),
    ('width="30pt" height="15pt"', (40.0, 20.0)),
    ('width="100%" height="100%" viewBox="0 0 10 20"', (10.0, 20.0)),
    ("", (100.0, 100.0)),
])
def test_size_as_renderers_take_it(attributes: str, size: tuple[float, float]) -> None:
    found = svg.inspect(f"<svg {NS} {attributes}/>".encode())
    assert (found.width, found.height) == size


@pytest.mark.parametrize(("attributes", "expected"), [
    ('viewBox="0 0 1 1000000"', "aspect ratio of 1,000,000:1"),
    ('width="1" height="21"', "aspect ratio of 21:1"),
    ('viewBox="0 0 100 100" width="1" height="1000000"', "aspect ratio"),
    ('viewBox="0 0 0 10"', "no width or height"),
])
def test_extreme_shapes_are_refused(attributes: str, expected: str) -> None:
    with pytest.raises(svg.SvgError, match=expected):
        svg.inspect(f"<svg {NS} {attributes}/>".encode())


def test_element_count_is_limited() -> None:
    body = "<g/>" * svg.MAX_ELEMENTS
    with pytest.raises(svg.SvgError, match=f"has {svg.MAX_ELEMENTS + 1:,} elements"):
        svg.inspect(f"<svg {NS}>{body}</svg>".encode())
    svg.inspect(f"<svg {NS}>{body[4:]}</svg>".encode())


def test_bitmap_pixels_and_shape_are_limited() -> None:
    svg.check_size(5000, 5000)
    with pytest.raises(svg.SvgError, match="more than 25,000,000 pixels"):
        svg.check_size(5001, 5000)
    with pytest.raises(svg.SvgError, match="aspect ratio"):
        svg.check_size(2100, 100)


def test_references_to_other_files_are_removed_and_the_rest_kept() -> None:
    source = (f'<svg {NS} viewBox="0 0 4 2"><defs><rect id="r" width="1" height="1"/></defs>'
              '<image href="../outside.png"/><image xlink:href="/etc/passwd"/>'
              '<use href="#r"/><image href="data:image/png;base64,AA=="/>'
              '<a href="https://example.com"><use xlink:href="other.svg#x"/></a></svg>').encode()
    assert svg.inspect(source).external == ("../outside.png", "/etc/passwd", "other.svg#x")
    cleaned = svg.self_contained(source)
    assert svg.inspect(cleaned).external == ()
    assert b'href="#r"' in cleaned and b"data:image/png" in cleaned and b"example.com" in cleaned


def test_a_self_contained_svg_is_kept_byte_for_byte_and_svgz_unpacked() -> None:
    source = f'<svg {NS} viewBox="0 0 4 2"><rect width="4" height="2"/></svg>'.encode()
    assert svg.self_contained(source) is source
    unpacked = svg.self_contained(gzip.compress(source))
    assert unpacked.startswith(b"<?xml") and b"<rect" in unpacked


def test_external_entities_are_not_read() -> None:
    source = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>')
    with pytest.raises(svg.SvgError, match="Entity 'x' not defined") as raised:
        svg.inspect(source)
    assert "root:" not in str(raised.value)
