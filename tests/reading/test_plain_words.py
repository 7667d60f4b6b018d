"""Validation messages in plain words: never pydantic's names for a field's alternatives, never
an empty list of allowed keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidebuilder.brand.locate import load_brand
from guidebuilder.errors import BrandError

from conftest import write


def test_alternatives_and_keys_inside_mappings_are_said_in_plain_words(tmp_path: Path) -> None:
    brand = write(tmp_path, "logo:\n  images:\n    a: {pth: x.png}\ntypography:\n  fonts:\n"
                            "    - {family: X, weight: {a: 1}}\n", "_brand.yml")
    with pytest.raises(BrandError) as caught:
        load_brand(brand)
    said = [str(problem) for problem in caught.value.problems]
    assert said == [
        f"{brand}:3:5: logo.images.a.path: required key 'path' is missing; add 'path:' here.",
        f"{brand}:3:9: logo.images.a.pth: unknown key 'pth'; did you mean 'path'?",
        f"{brand}:6:27: typography.fonts[0].weight: expected text or a list, found a mapping; "
        "write text or a list here."]
