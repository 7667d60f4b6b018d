"""The JSON Schemas editors read agree with ``check``: every valid guide and brand file passes
them, every structurally wrong one fails them, and the committed copies are up to date."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from guidebuilder.brand.locate import load_brand
from guidebuilder.errors import GuideBuilderError
from guidebuilder.guide.load import load_guide
from guidebuilder.reading import located
from guidebuilder.schema import KINDS, schema, schema_text

from conftest import MINIMAL, ROOT, SEED, write
from stressguide import write_stress_guide

STARTER = ROOT / "guidebuilder" / "starter" / "starter-guide.yaml"
GUIDES = [SEED, STARTER, *sorted((ROOT / "examples").glob("*/*.yaml"))]
BRANDS = [*sorted((ROOT / "tests" / "brand" / "corpus" / "valid").glob("*.yml")),
          ROOT / "examples" / "northwind" / "_brand.yml",
          ROOT / "examples" / "engineering" / "_brand.yml",
          ROOT / "guidebuilder" / "starter" / "brand.yml"]


def _as_editor_reads(path: Path) -> Any:
    """The file as a YAML editor sees it (numbers and true/false as such, dates as text)."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, datetime.date) else value

    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_are_valid_draft_2020_12_and_committed(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(kind))
    committed = ROOT / "docs" / "schemas" / f"{kind}.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), (
        f"regenerate with: guidebuilder schema {kind} -o {committed.relative_to(ROOT)}")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_valid_guides_pass_the_schema(guide: Path) -> None:
    load_guide(guide)
    validator = _validator("guide")
    for data in (_as_editor_reads(guide), located.load(guide, "guide", "title").data):
        assert not list(validator.iter_errors(data))


def test_generated_and_minimal_guides_pass(tmp_path: Path) -> None:
    validator = _validator("guide")
    for guide in (write_stress_guide(tmp_path), write(tmp_path, MINIMAL, "m.yaml")):
        load_guide(guide)
        assert not list(validator.iter_errors(_as_editor_reads(guide)))


STRUCTURAL = {
    "unknown-key": MINIMAL + "    responsibilites: []\n",
    "unknown-top-key": MINIMAL + "closing_words: bye\n",
    "text-for-list": MINIMAL + "    tasks: do things\n",
    "number-for-mapping": MINIMAL + "    career: 5\n",
    "missing-title": "roles:\n  - {id: a, name: A}\n",
    "missing-name": "title: T\nroles:\n  - {id: a}\n",
    "no-roles": "title: T\nroles: []\n",
    "eleven-roles": "title: T\nroles:\n" + "".join(f"  - {{id: r{i}, name: R}}\n" for i in range(11)),
    "bad-id": "title: T\nroles:\n  - {id: Bad Id, name: A}\n",
    "path-id": "title: T\nroles:\n  - {id: ../etc, name: A}\n",
    "bad-language": MINIMAL + "language: 'en\" x'\n",
    "short-form-typo": MINIMAL + "summary: {text: t, slides: s}\n",
    "short-form-without-text": MINIMAL + "summary: {slide: s}\n",
    "list-for-text": "title: [a, b]\nroles:\n  - {id: a, name: A}\n",
    "mapping-for-cell": MINIMAL + "comparisons:\n  - title: C\n    rows:\n      - dimension: D\n"
                        "        cells: {a: {x: 1}}\n",
    "empty-audience": MINIMAL + "    audience: []\n",
}


@pytest.mark.parametrize("name", list(STRUCTURAL))
def test_structural_mistakes_fail_check_and_the_schema(tmp_path: Path, name: str) -> None:
    guide = write(tmp_path, STRUCTURAL[name])
    with pytest.raises(GuideBuilderError):
        load_guide(guide)
    assert list(_validator("guide").iter_errors(_as_editor_reads(guide)))


@pytest.mark.parametrize("brand", BRANDS, ids=lambda p: p.stem)
def test_valid_brand_files_pass_the_schema(brand: Path) -> None:
    load_brand(brand)
    assert not list(_validator("brand").iter_errors(_as_editor_reads(brand)))


BRAND_MISTAKES = {
    "old-theme-key": "color:\n  theme:\n    primary: blue\n",
    "misspelt-top": "typograhy:\n  base: Inter\n",
    "bad-page-size": "defaults:\n  guidebuilder:\n    page-size: A5\n",
    "unknown-logo-size": "logo:\n  larg: logo.png\n",
    "bad-font-style": "typography:\n  fonts:\n    - family: X\n      source: file\n"
                      "      files: [{path: x.ttf, style: slanted}]\n",
}


@pytest.mark.parametrize("name", list(BRAND_MISTAKES))
def test_brand_mistakes_fail_check_and_the_schema(tmp_path: Path, name: str) -> None:
    brand = write(tmp_path, BRAND_MISTAKES[name], "_brand.yml")
    with pytest.raises(GuideBuilderError):
        load_brand(brand)
    assert list(_validator("brand").iter_errors(_as_editor_reads(brand)))
