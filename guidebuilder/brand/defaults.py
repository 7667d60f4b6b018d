"""The brand.yml ``defaults`` key: guidebuilder's own settings (page and slide size, footer,
PowerPoint template); other tools' defaults are accepted and left alone."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from pydantic import Field

from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Open
from guidebuilder.reading.located import Key


class GuidebuilderDefaults(Closed):
    page_size: Literal["A4", "letter"] | None = Field(None, alias="page-size")
    slide_size: Literal["16:9", "4:3"] | None = Field(None, alias="slide-size")
    footer: str | None = None
    pptx_template: str | None = Field(None, alias="pptx-template")
    color_scheme: Literal["light", "dark"] = Field("light", alias="color-scheme")


class BrandDefaults(Open):
    """Other tools' defaults (bootstrap, quarto, shiny, …) are accepted and ignored."""

    guidebuilder: GuidebuilderDefaults | None = None


def resolve_template(res: Resolution, relative: str | None) -> Path | None:
    """The ``pptx-template`` file, checked to be a PowerPoint presentation."""
    if not relative:
        return None
    where: Key = ("defaults", "guidebuilder", "pptx-template")
    found = res.file(relative, where, "template")
    if found is None:
        return None
    if found.suffix.lower() != ".pptx" or not zipfile.is_zipfile(found):
        res.fail(where, f"'{relative}' is not a .pptx file",
                 "save the template from PowerPoint as a .pptx presentation")
        return None
    with zipfile.ZipFile(found) as package:
        if "ppt/presentation.xml" not in package.namelist():
            res.fail(where, f"'{relative}' is not a PowerPoint presentation",
                     "save the template from PowerPoint as a .pptx presentation")
            return None
    return found
