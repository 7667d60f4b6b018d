"""Handbook pages read back: no stub page, no last page that fits on the page before, no
heading at a page foot, every font embedded; on the seed and a few generated guides."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from guidebuilder.run.job import Job, run_job

from conftest import SEED, write

BAND = 0.07  # the running header and footer bands, as a share of the page height
STUB = 0.25  # a middle page whose text ends above this share of its body is a stub


def _fills(pdf: Path) -> list[float]:
    """How far down its body (0-1) each page's text reaches."""
    fills = []
    for page in PdfReader(pdf).pages:
        height = float(page.mediabox.height)
        top, bottom = height * (1 - BAND), height * BAND
        ys: list[float] = []

        def seen(text: str, cm: list[float], tm: list[float], *_: object,
                 ys: list[float] = ys, band: tuple[float, float] = (bottom, top)) -> None:
            y = cm[5] + tm[5] * cm[3]
            if text.strip() and band[0] < y < band[1]:
                ys.append(y)

        page.extract_text(visitor_text=seen)
        fills.append((top - min(ys)) / (top - bottom) if ys else 0.0)
    return fills


def _guide(roles: int, faqs: int, answer: str, body: str = "One line.", intro: str = "",
           cell: str = "Team") -> str:
    lines = ["title: Generated", *([f"summary: {intro}"] if intro else []), "roles:"]
    for n in range(roles):
        lines += [f"  - id: r{n}", f"    name: Role number {n}", f"    short: R{n}",
                  f"    summary: {body}", f"    tasks: [\"{body}\"]"]
    lines += ["comparisons:", "  - title: At a glance", "    rows:",
              "      - dimension: Works with", "        cells: {"
              + ", ".join(f"r{n}: [\"{cell} {n}\"]" for n in range(roles)) + "}", "faq:"]
    lines += [f"  - {{question: \"Question {n}?\", answer: \"{answer}\"}}" for n in range(faqs)]
    return "\n".join(lines) + "\n"


BODYSIZE = """typography:
  base: {size: 16px, line-height: 1.6}
"""
LONG = " ".join(["A long answer that takes several lines on the page."] * 6)


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory, seed_pdf: Path) -> dict[str, Path]:
    from test_pdf import build_pdf

    folder = tmp_path_factory.mktemp("pagination")
    built = {"seed": seed_pdf}
    cases = {"thin six roles": (_guide(6, 3, "Yes."), None),
             "long faq": (_guide(2, 25, LONG, LONG), None),
             "body size 16px": (_guide(3, 6, LONG, LONG), BODYSIZE),
             "eight roles": (_guide(8, 3, "Yes.", LONG, LONG, "Responsibilities, accountabilities"),
                             None),
             "ten roles": (_guide(10, 3, "Yes.", LONG, LONG, "Responsibilities, accountabilities")
                           .replace("    tasks:", "    responsibilities: [{title: Duty, text: Does it"
                                    ".}]\n    tasks:"), None),
             "ten roles, long contents": (_guide(10, 3, "Yes.", LONG, LONG, "Responsibilities, x")
                                          .replace("    tasks:", "    responsibilities: [{title: D,"
                                                   " text: Does it.}]\n    career: {levels: "
                                                   "[{title: Junior}]}\n    tasks:"), None)}
    for name, (guide, brand) in cases.items():
        case = folder / name.replace(" ", "-")
        case.mkdir()
        brand_file = write(case, brand, "_brand.yml") if brand else None
        built[name] = build_pdf(write(case, guide, "guide.yaml"), case / "out.pdf", brand_file)
    assert SEED.exists()
    return built


CASES = ["seed", "thin six roles", "long faq", "body size 16px", "eight roles", "ten roles",
         "ten roles, long contents"]


@pytest.mark.parametrize("name", CASES)
def test_no_stub_page_and_no_spilled_last_page(handbooks: dict[str, Path], name: str) -> None:
    fills = _fills(handbooks[name])
    assert [n + 1 for n, fill in enumerate(fills[1:-1], start=1) if fill < STUB] == []
    assert len(fills) <= 2 or fills[-2] + fills[-1] > 0.9


@pytest.mark.parametrize("name", CASES)
def test_every_font_is_embedded(handbooks: dict[str, Path], name: str) -> None:
    for page in PdfReader(handbooks[name]).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            assert descriptor is not None, font.get("/BaseFont")
            assert any(key in descriptor.get_object() for key in
                       ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


def test_a_short_introduction_shares_the_landscape_page_of_a_wide_comparison(
        handbooks: dict[str, Path]) -> None:
    pages = PdfReader(handbooks["eight roles"]).pages
    shared = [page for page in pages if "Introduction" in page.extract_text()
              and "At a glance" in page.extract_text()]
    assert len(shared) == 2  # the contents page, and the landscape page that holds both
    assert float(shared[1].mediabox.width) > float(shared[1].mediabox.height)


def test_contents_a_few_lines_too_long_are_set_closer_on_one_page(
        handbooks: dict[str, Path]) -> None:
    pages = PdfReader(handbooks["ten roles, long contents"]).pages
    contents = pages[1].extract_text()
    assert "Role number 9" in contents and "Frequently asked questions" in contents
    assert ".  .  ." not in pages[2].extract_text()  # no line of the contents spills over


def test_a_career_diagram_keeps_its_first_two_levels_on_its_page(tmp_path: Path) -> None:
    """However much comes before it, the ladder diagram is never left at a page foot with
    one level of its list (or none): the first two levels stay on its page."""
    levels = "".join(f"      - {{title: Level {n}, text: Does the work of level {n} well "
                     f"and grows into the next one.}}\n" for n in range(1, 6))
    for filler in range(0, 30):
        duties = "".join(f"      - {{title: Duty {n}, text: Handles duty {n} every week "
                         "and on time.}\n" for n in range(filler))
        guide = write(tmp_path, f"title: T\nroles:\n  - id: a\n    name: A\n    summary: S.\n"
                                f"    responsibilities:\n{duties or '      - {title: D, text: T.}' + chr(10)}"
                                f"    career:\n      levels:\n{levels}", f"g{filler}.yaml")
        pdf = tmp_path / f"g{filler}.pdf"
        assert run_job(Job(guide, {"pdf": pdf}, None)).error is None
        pages = [page.extract_text() for page in PdfReader(pdf).pages]
        first = next(i for i, text in enumerate(pages) if "1. Level 1" in text)
        assert "2. Level 2" in pages[first], filler
        assert "Career path" in pages[first], filler
