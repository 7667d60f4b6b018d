"""A whole brand.yml file: its schema (one module per top-level key) and its resolution into
the Brand the renderers use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError, model_validator

from guidebuilder.brand.color import BrandColor, check_contrast, resolve_colors
from guidebuilder.brand.defaults import BrandDefaults, resolve_template
from guidebuilder.brand.logo import BrandLogo, resolve_logo
from guidebuilder.brand.meta import BrandMeta, organisation
from guidebuilder.brand.model import DEFAULT_BRAND, Brand
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed
from guidebuilder.brand.typography import BrandTypography, resolve_typography
from guidebuilder.errors import BrandError, Problem, YamlError
from guidebuilder.reading import located
from guidebuilder.reading.validation import problems_from


class BrandFile(Closed):
    """A whole brand.yml file (posit-dev's spec)."""

    meta: BrandMeta | None = None
    logo: BrandLogo | None = None
    color: BrandColor | None = None
    typography: BrandTypography | None = None
    defaults: BrandDefaults | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("logo"), str):
            path = data["logo"]
            data = {**data, "logo": {"small": path, "medium": path, "large": path}}
        return data


def read_brand(path: Path) -> tuple[Brand, list[Problem]]:
    """The Brand a brand file describes, and warnings worth showing once."""
    try:
        source = located.load(path, "brand", "meta, color, …")
    except YamlError as exc:
        raise BrandError(exc.problems) from None
    try:
        parsed = BrandFile.model_validate(source.data)
    except ValidationError as exc:
        raise BrandError(problems_from(exc, source, BrandFile)) from None
    res = Resolution(source)
    _report_ignored(res, parsed)
    name = organisation(parsed.meta)
    colors = resolve_colors(res, parsed.color)
    fonts = resolve_typography(res, parsed.typography, parsed.color)
    defaults = parsed.defaults.guidebuilder if parsed.defaults else None
    brand = Brand(
        name=name or DEFAULT_BRAND.name, colors=colors,
        heading_color=fonts.heading_color or colors.primary,
        base=fonts.base, headings=fonts.headings, mono=fonts.mono,
        base_size=fonts.base_size, line_height=fonts.line_height,
        logo_small=resolve_logo(res, parsed.logo, ("small", "medium", "large"), name or "Brand"),
        logo_large=resolve_logo(res, parsed.logo, ("large", "medium", "small"), name or "Brand"),
        page_size=defaults.page_size if defaults and defaults.page_size else "A4",
        slide_size=defaults.slide_size if defaults else None,
        footer=defaults.footer if defaults and defaults.footer else "",
        pptx_template=resolve_template(res, defaults.pptx_template if defaults else None),
    )
    if res.problems:
        raise BrandError(res.problems)
    check_contrast(res, brand)
    return brand, res.warnings


def _report_ignored(res: Resolution, parsed: BrandFile) -> None:
    """One warning naming the keys guidebuilder reads but does not use."""
    ignored: list[str] = []
    if parsed.defaults:
        ignored += [f"defaults.{key}" for key in (parsed.defaults.model_extra or {})]
    typography = parsed.typography
    if typography:
        ignored += [f"typography.fonts[{i}] (source: {f.source})"
                    for i, f in enumerate(typography.fonts) if f.source in ("google", "bunny")]
        ignored += [f"typography.{name}" for name in ("monospace-inline", "monospace-block", "link")
                    if getattr(typography, name.replace("-", "_"))]
    if ignored:
        res.warnings.append(Problem(res.source.file, "ignored (not used by guidebuilder): "
                                                     + ", ".join(ignored)))
