"""Read a brand.yml file and resolve it into the Brand both renderers use."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pydantic import ValidationError

from guidebuilder import yamlsource
from guidebuilder.brand import DEFAULT_BRAND, STYLES, Brand, Colors, Font, Logo
from guidebuilder.brandschema import THEME_COLORS, BrandFile, LogoVariant, TextStyle
from guidebuilder.colors import contrast, readable_on, to_hex
from guidebuilder.errors import BrandError, Problem
from guidebuilder.fontfiles import FontFileError, embeddable, system_font
from guidebuilder.validation import located_problem, problems_from
from guidebuilder.yamlsource import Key, Located

MAX_LOGO_PIXELS = 25_000_000
_EMPTY_STYLE = TextStyle.model_validate({})
_GENERIC = {"sans-serif", "serif", "monospace", "system-ui", "arial", "helvetica"}


def read_brand(path: Path) -> tuple[Brand, list[str]]:
    """The Brand a brand file describes, and warnings worth showing once."""
    try:
        source = yamlsource.load(path, "brand", "meta, color, …")
    except yamlsource.YamlError as exc:
        raise BrandError(exc.problems) from None
    try:
        parsed = BrandFile.model_validate(source.data)
    except ValidationError as exc:
        raise BrandError(problems_from(exc, source, BrandFile)) from None
    resolver = _Resolver(source, parsed)
    brand = resolver.resolve()
    if resolver.problems:
        raise BrandError(resolver.problems)
    return brand, resolver.warnings


class _Resolver:
    def __init__(self, source: Located, parsed: BrandFile) -> None:
        self.source = source
        self.parsed = parsed
        self.folder = source.file.parent
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.families: dict[str, Font] = {}

    def fail(self, path: Key, message: str, hint: str) -> None:
        self.problems.append(located_problem(self.source, path, message, hint))

    def warn(self, path: Key, message: str) -> None:
        line, column = self.source.position(path)
        self.warnings.append(f"{self.source.file}:{line}:{column}: {message}")

    def resolve(self) -> Brand:
        p = self.parsed
        self._report_ignored()
        name = DEFAULT_BRAND.name
        short = ""
        if p.meta and p.meta.name:
            name = p.meta.name.full or p.meta.name.short or name
            short = p.meta.name.short or ""
        link = (p.meta.link or {}).get("home", "") if p.meta and p.meta.link else ""
        colors = self._colors()
        self._fonts()
        typography = p.typography
        base = self._family(typography.base if typography else None, ("typography", "base"),
                            DEFAULT_BRAND.base)
        headings = self._family(typography.headings if typography else None,
                                ("typography", "headings"), base)
        mono = self._family(typography.monospace if typography else None,
                            ("typography", "monospace"), DEFAULT_BRAND.mono)
        base_style = typography.base if typography and typography.base else _EMPTY_STYLE
        heading_style = typography.headings if typography and typography.headings else _EMPTY_STYLE
        defaults = p.defaults.guidebuilder if p.defaults and p.defaults.guidebuilder else None
        brand = Brand(
            name=name, short_name=short, link=link, colors=colors, base=base, headings=headings,
            mono=mono,
            base_size=self._size(base_style.size, ("typography", "base", "size")),
            line_height=self._line_height(base_style.line_height),
            heading_color=self._color(heading_style.color, ("typography", "headings", "color"))
            if heading_style.color else "",
            logo_small=self._logo("small", ("small", "medium", "large")),
            logo_large=self._logo("large", ("large", "medium", "small")),
            page_size=(defaults.page_size if defaults and defaults.page_size else "A4"),
            slide_size=defaults.slide_size if defaults else None,
            footer=(defaults.footer if defaults and defaults.footer else ""),
            pptx_template=self._template(defaults.pptx_template if defaults else None),
        )
        if not self.problems:
            self._check_contrast(brand)
        return brand

    # -- colours ------------------------------------------------------------------------
    def _color(self, value: str, path: Key, seen: tuple[str, ...] = ()) -> str:
        from PIL import ImageColor

        palette = self.parsed.color.palette if self.parsed.color else {}
        if value in palette and value not in seen:
            return self._color(palette[value], ("color", "palette", value), (*seen, value))
        try:
            red, green, blue = ImageColor.getrgb(value)[:3]
        except ValueError:
            names = ", ".join(sorted(palette)) or "none defined"
            self.fail(path, f"'{value}' is not a colour or a palette name",
                      f"use #RRGGBB, #RGB, a CSS colour name, rgb(r, g, b) or a palette name "
                      f"({names})")
            return "#000000"
        return to_hex(red, green, blue)

    def _colors(self) -> Colors:
        color = self.parsed.color
        if not color:
            return DEFAULT_BRAND.colors
        for name, value in color.palette.items():
            self._color(value, ("color", "palette", name), (name,))
        values = {key: self._color(getattr(color, key), ("color", key))
                  for key in THEME_COLORS if getattr(color, key)}
        known = {f.name for f in dataclasses.fields(Colors)}
        return dataclasses.replace(DEFAULT_BRAND.colors,
                                   **{k: v for k, v in values.items() if k in known})

    def _check_contrast(self, brand: Brand) -> None:
        c = brand.colors
        pairs = [("foreground", c.foreground, "background", c.background, ("color", "foreground")),
                 ("headings (primary)", brand.heading_colour, "background", c.background,
                  ("color", "primary"))]
        ink = readable_on(brand.heading_colour, c.background, c.foreground)
        pairs.append(("text on primary", ink, "primary", brand.heading_colour,
                      ("color", "primary")))
        for name_a, a, name_b, b, path in pairs:
            ratio = contrast(a, b)
            if ratio < 4.5:
                self.warn(path, f"{name_a} {a} on {name_b} {b} has a contrast of {ratio:.1f}:1, "
                                "below WCAG AA (4.5:1); text may be hard to read")

    # -- fonts --------------------------------------------------------------------------
    def _fonts(self) -> None:
        typography = self.parsed.typography
        for index, entry in enumerate(typography.fonts if typography else []):
            if entry.source != "file":
                continue
            files: dict[str, Path] = {}
            for f_index, item in enumerate(entry.files):
                where = ("typography", "fonts", index, "files", f_index)
                path = self._file(item.path, (*where, "path"), "font")
                if path is None:
                    continue
                try:
                    usable = embeddable(path)
                except FontFileError as exc:
                    self.fail((*where, "path"), f"{item.path}: {exc}",
                              "use a .ttf file (or .otf, .woff, .woff2 that can be converted)")
                    continue
                bold = _is_bold(item.weight)
                italic = item.style in ("italic", "oblique")
                files.setdefault(STYLES[bold + 2 * italic], usable)
            if files:
                self.families[entry.family.lower()] = Font(entry.family, files)
            elif not entry.files:
                self.fail(("typography", "fonts", index), f"font '{entry.family}' lists no files",
                          "add 'files:' with the .ttf paths, or use 'source: system'")

    def _family(self, style: TextStyle | None, path: Key, fallback: Font) -> Font:
        if not style or not style.family:
            return fallback
        family = style.family
        if family.lower() in self.families:
            return self.families[family.lower()]
        if family.lower() in _GENERIC:
            return fallback
        files = {style_name: found for style_name in STYLES
                 if (found := system_font(family, "bold" in style_name, "italic" in style_name))}
        if "regular" in files:
            self.families[family.lower()] = Font(family, files)
            return self.families[family.lower()]
        self.warn((*path, "family"), f"font '{family}' is not in typography.fonts nor installed; "
                                     f"using {fallback.family}")
        return fallback

    def _size(self, value: str | None, path: Key) -> float:
        """Base size in points, kept within what reads well in print (9–12 pt)."""
        if not value:
            return DEFAULT_BRAND.base_size
        text = value.strip().lower()
        factors = {"pt": 1.0, "px": 0.75, "rem": 12.0, "em": 12.0}
        unit = next((u for u in factors if text.endswith(u)), "")
        try:
            number = float(text[: len(text) - len(unit)] if unit else text)
        except ValueError:
            self.fail(path, f"'{value}' is not a size", "write a size such as 11pt, 16px or 1rem")
            return DEFAULT_BRAND.base_size
        points = number * factors.get(unit, 0.75)
        return min(12.0, max(9.0, points))

    def _line_height(self, value: str | None) -> float:
        try:
            return min(2.0, max(1.15, float(value))) if value else DEFAULT_BRAND.line_height
        except ValueError:
            return DEFAULT_BRAND.line_height

    # -- files --------------------------------------------------------------------------
    def _file(self, relative: str, path: Key, what: str) -> Path | None:
        target = (self.folder / relative).expanduser()
        if not target.is_file():
            self.fail(path, f"{what} file '{relative}' not found"
                      if not target.exists() else f"{what} path '{relative}' is not a file",
                      f"paths are relative to {self.folder}")
            return None
        try:
            with target.open("rb"):
                pass
        except OSError as exc:
            self.fail(path, f"cannot read {what} file '{relative}' ({exc.strerror})",
                      "check its permissions")
            return None
        return target

    def _logo(self, size: str, preference: tuple[str, ...]) -> Logo | None:
        logo = self.parsed.logo
        if not logo:
            return None
        for name in preference:
            variant: LogoVariant | None = getattr(logo, name)
            if variant is None:
                continue
            chosen = variant.light or variant.dark
            reference, alt = ((chosen.path, chosen.alt) if chosen else (variant.path, variant.alt))
            if reference is None:
                continue
            path: Key = ("logo", name)
            if reference in logo.images:
                image = logo.images[reference]
                reference, alt = image.path, alt or image.alt
                path = ("logo", "images", variant.path or "", "path")
            found = self._file(reference, path, "logo")
            if found is None or not self._image_ok(found, path):
                return None
            return Logo(found, alt or f"{self._name()} logo")
        return None

    def _name(self) -> str:
        meta = self.parsed.meta
        return (meta.name.full or meta.name.short or "Brand") if meta and meta.name else "Brand"

    def _image_ok(self, path: Path, where: Key) -> bool:
        from PIL import Image

        try:
            with Image.open(path) as image:
                if image.width * image.height > MAX_LOGO_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                kind = image.format
                image.verify()
        except Image.DecompressionBombError:
            self.fail(where, f"logo '{path.name}' has more than {MAX_LOGO_PIXELS:,} pixels",
                      "use a smaller image (a logo needs at most a few hundred pixels across)")
            return False
        except Exception:  # Pillow raises many kinds for files that are not images
            self.fail(where, f"logo '{path.name}' is not a readable image",
                      "use a PNG or JPEG file")
            return False
        if kind not in ("PNG", "JPEG", "GIF"):
            self.fail(where, f"logo '{path.name}' is {kind}, which the outputs cannot embed",
                      "convert it to PNG or JPEG")
            return False
        return True

    def _template(self, relative: str | None) -> Path | None:
        if not relative:
            return None
        where: Key = ("defaults", "guidebuilder", "pptx-template")
        found = self._file(relative, where, "template")
        if found is None:
            return None
        import zipfile

        if found.suffix.lower() != ".pptx" or not zipfile.is_zipfile(found):
            self.fail(where, f"'{relative}' is not a .pptx file",
                      "save the template from PowerPoint as a .pptx presentation")
            return None
        with zipfile.ZipFile(found) as package:
            if "ppt/presentation.xml" not in package.namelist():
                self.fail(where, f"'{relative}' is not a PowerPoint presentation",
                          "save the template from PowerPoint as a .pptx presentation")
                return None
        return found

    def _report_ignored(self) -> None:
        p = self.parsed
        ignored: list[str] = []
        if p.defaults:
            ignored += [f"defaults.{key}" for key in (p.defaults.model_extra or {})]
        if p.typography:
            ignored += [f"typography.fonts[{i}] (source: {f.source})"
                        for i, f in enumerate(p.typography.fonts) if f.source in ("google", "bunny")]
            ignored += [f"typography.{name}" for name in ("monospace-inline", "monospace-block",
                                                          "link")
                        if getattr(p.typography, name.replace("-", "_"))]
        if ignored:
            self.warnings.append(f"{self.source.file}: ignored (not used by guidebuilder): "
                                 f"{', '.join(ignored)}")


def _is_bold(weight: str | None) -> bool:
    if weight is None:
        return False
    text = str(weight).strip().lower()
    if text in ("bold", "bolder", "semibold", "extrabold", "black"):
        return True
    try:
        return int(text) >= 600
    except ValueError:
        return False


