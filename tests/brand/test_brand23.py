"""Issue 23's brand.yml forms: theme colours naming their own palette entry, plain-words
errors, weight ranges, contrast figures, sizes print cannot honour, footers per language, and
fallback fonts for scripts the brand's fonts miss."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidebuilder.brand.colormath import ratio_text
from guidebuilder.brand.fallback import script_of, with_fallbacks
from guidebuilder.brand.locate import load_brand
from guidebuilder.brand.model import DEFAULT_BRAND, Brand, Defaults, Fallback, Font, Meta
from guidebuilder.brand.scripts import missing_glyph_warnings
from guidebuilder.errors import BrandError
from guidebuilder.guide.load import load_guide
from guidebuilder.pdf.styles import Markup

from conftest import ROOT, SEED


def _brand(tmp_path: Path, text: str) -> tuple[Brand, list[str]]:
    path = tmp_path / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    brand, warnings = load_brand(path)
    return brand, [str(w) for w in warnings]


def _refusal(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    return [str(p) for p in caught.value.problems]


def test_theme_colour_naming_its_palette_entry_resolves_to_it(tmp_path: Path) -> None:
    brand, _ = _brand(tmp_path, 'color:\n  palette:\n    primary: "#0B5394"\n    warning: "#f0ad4e"\n'
                                "  primary: primary\n  warning: warning\n  secondary: warning\n")
    assert (brand.colors.primary, brand.colors.secondary) == ("#0B5394", "#F0AD4E")


@pytest.mark.parametrize(("yaml", "expected"), [
    ("color:\n  primary: primary\n", "the colour 'primary' is given as its own name"),
    ("color:\n  primary: secondary\n  secondary: primary\n",
     "colour names refer to each other in a loop (primary → secondary → primary)"),
])
def test_loops_suggest_no_unrelated_colour(tmp_path: Path, yaml: str, expected: str) -> None:
    messages = _refusal(tmp_path, yaml)
    assert any(expected in m for m in messages), messages
    assert not any("#1F4E79" in m for m in messages)


@pytest.mark.parametrize(("yaml", "expected"), [
    ("color:\n  palette:\n    red:\n      core: '#f00'\n", "color.palette.red: a light/dark colour "
     "pair takes only 'light:' and 'dark:', each a colour, but has the key 'core'"),
    ("color:\n  palette:\n    blue: [1, 2]\n", "color.palette.blue: expected a colour"),
    ("color:\n  primary: {lite: '#fff'}\n", "but has the key 'lite'"),
    ("defaults:\n  guidebuilder:\n    footer: [a]\n", "expected the footer's text"),
])
def test_messages_show_no_internal_names(tmp_path: Path, yaml: str, expected: str) -> None:
    messages = _refusal(tmp_path, yaml)
    assert len(messages) == 1 and expected in messages[0], messages
    for internal in ("LightDark", ".str", "allowed keys:.", "Input should"):
        assert internal not in messages[0]


def test_weight_range_uses_its_lower_bound(tmp_path: Path) -> None:
    brand, warnings = _brand(tmp_path, "typography:\n  base:\n    weight: 600..900\n")
    assert brand.typography.base_bold
    assert any("the weight range '600..900' is used at its lower bound, 600" in w for w in warnings)
    brand, warnings = _brand(tmp_path, "typography:\n  headings:\n    weight: 300..500\n")
    assert not brand.typography.heading_bold and any("lower bound, 300" in w for w in warnings)


@pytest.mark.parametrize(("ratio", "shown"), [(4.4999, "4.49:1"), (4.49, "4.49:1"), (4.5, "4.5:1"),
                                              (3.0, "3:1"), (20.999, "20.99:1")])
def test_contrast_is_never_rounded_up(ratio: float, shown: str) -> None:
    assert ratio_text(ratio) == shown


@pytest.mark.parametrize(("size", "used", "notice"), [
    ("16pt", 12.0, "the base size '16pt' (16pt) is outside what the handbook prints (9-12pt); "
                   "its text is set at 12pt"),
    ("6pt", 9.0, "its text is set at 9pt"),
    ("16px", 12.0, None), ("11pt", 11.0, None)])
def test_sizes_print_cannot_honour_are_said(tmp_path: Path, size: str, used: float,
                                            notice: str | None) -> None:
    brand, warnings = _brand(tmp_path, f"typography:\n  base:\n    size: {size}\n")
    assert brand.typography.base_size == used
    assert any(notice in w for w in warnings) if notice else not any("base size" in w for w in warnings)


def test_footer_per_language(tmp_path: Path) -> None:
    brand, _ = _brand(tmp_path, "meta:\n  name: Acme\ndefaults:\n  guidebuilder:\n    footer:\n"
                                "      en: Internal\n      de: Intern\n      pt-BR: Interno\n")
    assert [brand.footer_for(tag) for tag in ("en", "en-GB", "de-AT", "DE", "pt", "fr")] == [
        "Internal", "Internal", "Intern", "Intern", "Interno", "Internal"]
    single = Brand(meta=Meta("Acme"), defaults=Defaults(footer={"": "Confidential"}))
    assert single.footer_for("de") == "Confidential"
    assert Brand(meta=Meta("Acme")).footer_for("de") == "Acme"


def test_schema_allows_a_footer_per_language() -> None:
    schema = json.loads((ROOT / "docs" / "schemas" / "brand.schema.json").read_text())
    footer = json.dumps(schema["$defs"]["GuidebuilderDefaults"]["properties"]["footer"])
    assert '"additionalProperties"' in footer and '"type": "object"' in footer


def test_markup_sets_missing_characters_in_the_fallback() -> None:
    greek = Font("Greek Fallback", DEFAULT_BRAND.typography.base.files)
    fallback = Fallback(greek, "GREEK", "latin", frozenset(map(ord, "Ωμέγα")))
    markup = Markup(DEFAULT_BRAND.typography.mono, "", "", 0.0, frozenset(map(ord, "Hi ")),
                    (fallback,))
    pieces = markup._pieces("Hi Ωμέγα \U0001FAE8!")
    assert pieces == [(None, "Hi "), (greek, "Ωμέγα ")]  # no font has the last two
    assert markup.text("Hi Ωμέγα", bold=True).startswith("Hi <font name=")
    assert script_of(ord("Ω")) == "GREEK"


def _latin_only_font(folder: Path) -> Path:
    """Liberation Sans cut down to ASCII: a brand font without Greek."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    target = folder / "LatinOnly.ttf"
    with TTFont(DEFAULT_BRAND.typography.base.file()) as font:
        subsetter = subset.Subsetter(subset.Options())
        subsetter.populate(unicodes=range(0x20, 0x7F))
        subsetter.subset(font)
        font.save(target)
    return target


@pytest.fixture
def greek_guide(tmp_path: Path) -> tuple[Path, Path]:
    """A guide with a Greek title, and a brand whose only font has no Greek."""
    if not shutil.which("fc-list") or not subprocess.run(
            ["fc-list", ":charset=3a9 3bc", "family"], capture_output=True, text=True).stdout:
        pytest.skip("no installed font has Greek (fontconfig: fc-list); install fonts-dejavu-core")
    _latin_only_font(tmp_path)
    (tmp_path / "_brand.yml").write_text(
        "meta:\n  name: Acme\ntypography:\n  fonts:\n    - family: Latin Only\n      source: file\n"
        "      files: [LatinOnly.ttf]\n  base: Latin Only\n", encoding="utf-8")
    guide = tmp_path / "guide.yaml"
    text = SEED.read_text(encoding="utf-8").replace(
        'title: "Product Manager vs Program Manager"', 'title: "Ρόλοι Product Manager"', 1)
    guide.write_text(text, encoding="utf-8")
    return guide, tmp_path / "_brand.yml"


def test_a_script_the_brand_misses_is_set_in_an_installed_font(greek_guide: tuple[Path, Path],
                                                               tmp_path: Path) -> None:
    from guidebuilder import pdf
    from guidebuilder.plan.build import build_plan
    from guidebuilder.plan.document import RenderOptions

    guide_file, brand_file = greek_guide
    brand, _ = load_brand(brand_file)
    guide, source = load_guide(guide_file)
    brand, notices = with_fallbacks(brand, source)
    fallbacks = brand.typography.fallbacks or ()
    greek = next(f for f in fallbacks if f.script == "GREEK")  # the rest: quotes, dashes
    notice = next(str(n) for n in notices if "Greek text" in str(n))
    assert notice.startswith(f"{guide_file}:3:") and greek.slot == "latin"
    assert f"it is set in the installed font {greek.font.family}" in notice
    assert not missing_glyph_warnings(source, brand)
    target = tmp_path / "out.pdf"
    pdf.render(build_plan(guide, None, datetime(2024, 1, 1)), brand, target, RenderOptions())
    assert "Ρόλοι" in PdfReader(target).pages[0].extract_text()


def test_what_no_installed_font_draws_is_said(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text(SEED.read_text(encoding="utf-8").replace(
        'title: "Product Manager vs Program Manager"', 'title: "Product Manager \U0010FFFD"', 1),
        encoding="utf-8")
    _, source = load_guide(guide)
    brand, notices = with_fallbacks(DEFAULT_BRAND, source)
    assert brand.typography.fallbacks == () and notices == []
    warnings = [str(w) for w in missing_glyph_warnings(source, brand)]
    assert any("and no installed font has it" in w for w in warnings), warnings
