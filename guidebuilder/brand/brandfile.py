"""A whole brand.yml file: its schema (one module per top-level key) and its resolution into
the Brand the renderers use."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from guidebuilder.brand.color import BrandColor, ColorResolver, resolve_colors, surfaces
from guidebuilder.brand.defaults import BrandDefaults, resolve_defaults
from guidebuilder.brand.glyphs import drawable
from guidebuilder.brand.logo import BrandLogo, check_logo_surfaces, resolve_logos
from guidebuilder.brand.meta import BrandMeta, resolve_meta
from guidebuilder.brand.model import Brand
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
    defaults, scheme = resolve_defaults(res, parsed.defaults)
    color_values = ColorResolver(res, parsed.color, scheme)
    typography, text_colors = resolve_typography(res, parsed.typography, color_values)
    colors = resolve_colors(color_values, text_colors)
    meta = resolve_meta(parsed.meta)
    brand = Brand(meta=meta, colors=colors.colors, surfaces=surfaces(res, colors),
                  typography=typography, logos=resolve_logos(res, parsed.logo, meta.name),
                  defaults=defaults)
    check_logo_surfaces(res, brand.logos, brand.surfaces)
    if res.problems:
        raise BrandError(res.problems)
    _check_glyphs(res, brand)
    return brand, sorted(res.warnings, key=lambda w: (w.line or 0, w.column or 0))


def _check_glyphs(res: Resolution, brand: Brand) -> None:
    """A notice for characters of the name or footer that the brand's fonts cannot draw."""
    codes = drawable(brand)
    footers = brand.defaults.footer
    for text, path in ((brand.meta.name, ("meta", "name")),
                       *((text, ("defaults", "guidebuilder", "footer", *([tag] if tag else [])))
                         for tag, text in footers.items())):
        lost = "".join(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in codes))
        if lost:
            res.warn(path, f"the font {brand.typography.base.family} has no glyphs for \"{lost[:20]}\"; "
                           "they are left out of the PDF", "set a brand font that has them")


def _report_ignored(res: Resolution, parsed: BrandFile) -> None:
    """One notice naming the keys that guidebuilder reads but has no use for."""
    ignored: list[str] = []
    if parsed.defaults:
        ignored += [f"defaults.{key}" for key in (parsed.defaults.model_extra or {})]
    typography = parsed.typography
    if typography:
        ignored += [f"typography.{name}.background-color" for name in
                    ("monospace", "monospace-inline", "monospace-block", "link")
                    if (style := getattr(typography, name.replace("-", "_")))
                    and style.background_color]
        if typography.monospace_block:
            ignored.append("typography.monospace-block (guides have no code blocks)")
    if ignored:
        res.warnings.append(Problem(res.source.file, "not used by guidebuilder: "
                                                     + ", ".join(ignored)))
