"""A logo without alternative text is said once, and the organisation's name stands in."""

from __future__ import annotations

import shutil
from pathlib import Path

from guidebuilder.brand.locate import load_brand

from conftest import ROOT, write


def test_a_logo_without_alt_text_is_said_with_the_text_used(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "northwind" / "logo.png", tmp_path / "logo.png")
    brand = write(tmp_path, "meta: {name: Acme}\nlogo:\n  images:\n    mark: {path: logo.png}\n"
                            "  small: mark\n  large: mark\n", "_brand.yml")
    resolved, warnings = load_brand(brand)
    said = [str(w) for w in warnings if "alternative text" in str(w)]
    assert said == [f"{brand}:4:11: logo.images.mark: the logo 'logo.png' has no alternative "
                    "text; screen readers will read \"Acme logo\"; add alt: with what the logo "
                    "shows."]
    assert resolved.logos.small is not None and resolved.logos.small.on("#FFFFFF").alt == "Acme logo"
    described = write(tmp_path, "meta: {name: Acme}\nlogo: {small: {path: logo.png, alt: An owl}}\n",
                      "described.yml")
    assert not [w for w in load_brand(described)[1] if "alternative text" in str(w)]
