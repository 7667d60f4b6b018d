"""The brand.yml ``logo`` key: named images and small/medium/large variants (each maybe a
light/dark pair), resolved to images both outputs can embed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field

from guidebuilder.brand import svg
from guidebuilder.brand.colormath import is_light
from guidebuilder.brand.model import Logo, Logos, Picture, Surfaces
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Expandable, Shorthand
from guidebuilder.cache import derived
from guidebuilder.guide.richtext import clean
from guidebuilder.reading.located import Key

MAX_LOGO_BYTES = 20_000_000
SIZES = ("small", "medium", "large")
EMBEDDABLE = {"PNG", "JPEG", "GIF"}


class LogoImage(Expandable):
    shorthand_for = "path"

    path: str
    alt: str | None = None


class LogoVariant(Expandable):
    """A logo size: an image name or path, ``{path, alt}``, or ``{light, dark}``."""

    shorthand_for = "path"

    path: str | None = None
    alt: str | None = None
    light: LogoImage | None = None
    dark: LogoImage | None = None


class BrandLogo(Shorthand, Closed):
    """Named images and the logo's sizes; a plain path is the logo at every size."""

    shorthand_for = "small"

    @classmethod
    def expand(cls, text: str) -> dict[str, Any]:
        return dict.fromkeys(SIZES, text)

    images: dict[str, LogoImage] = Field(default_factory=dict)
    small: LogoVariant | None = None
    medium: LogoVariant | None = None
    large: LogoVariant | None = None


def resolve_logos(res: Resolution, logo: BrandLogo | None, owner: str) -> Logos:
    """The small logo (the smallest size given) and the large one (the largest); ``owner``
    names the alternative text of images that have none."""
    resolver = _LogoResolver(res, logo, owner)
    return Logos(small=resolver.resolve(SIZES), large=resolver.resolve(SIZES[::-1]))


def check_logo_surfaces(res: Resolution, logos: Logos, surfaces: Surfaces) -> None:
    """Say when a logo lands on the handbook's light pages with only a variant made for dark
    backgrounds (``dark:``): that one is drawn there and may not read."""
    page = surfaces.page.background
    for size, logo in (("small", logos.small), ("large", logos.large)):
        if logo is not None and logo.light is None and is_light(page):
            res.warn(("logo", size), f"the {size} logo has only a variant for dark backgrounds, "
                     f"and the handbook's pages are light ({page}): it is drawn there and may "
                     "not read", "add light: with a variant for light backgrounds")


class _LogoResolver:
    """Resolves the logo sizes of one brand file; each image file is checked once."""

    def __init__(self, res: Resolution, logo: BrandLogo | None, owner: str) -> None:
        self.res = res
        self.logo = logo or BrandLogo()
        self.owner = owner
        self.pictures: dict[tuple[str, str | None], Picture | None] = {}

    def resolve(self, preference: tuple[str, ...]) -> Logo | None:
        """The first of the ``preference`` sizes that gives a usable image; with no sizes at
        all, the first of ``logo.images``."""
        variants = [(name, getattr(self.logo, name)) for name in preference
                    if getattr(self.logo, name) is not None]
        if not variants and self.logo.images:
            first = next(iter(self.logo.images))
            variants = [(f"images.{first}", LogoVariant(path=first))]
        for name, variant in variants:
            where: Key = ("logo", *name.split(".", 1))
            light = self._image(variant.light or variant, (*where, "light") if variant.light
                                else where)
            dark = self._image(variant.dark, (*where, "dark")) if variant.dark else None
            if light or dark:
                return Logo(light, dark)
        return None

    def _image(self, variant: LogoVariant | LogoImage, where: Key) -> Picture | None:
        reference, alt = variant.path, variant.alt
        if reference is None:
            return None
        if reference in self.logo.images:
            image = self.logo.images[reference]
            where = ("logo", "images", reference, "path")
            reference, alt = image.path, alt or image.alt
        key = (reference, alt)
        if key not in self.pictures:
            found = self.res.file(reference, where, "logo", required=False)
            drawn = _drawable(self.res, found, where) if found else None
            fallback = f"{self.owner} logo" if self.owner else "logo"
            if found and drawn and not (alt and clean(alt)):
                self.res.warn(where[:-1] if where[-1] == "path" else where,
                              f"the logo '{reference}' has no alternative text; screen readers "
                              f"will read \"{fallback}\"", "add alt: with what the logo shows")
            self.pictures[key] = (Picture(drawn[0], clean(alt or fallback), drawn[1], found)
                                  if found and drawn else None)
        return self.pictures[key]


def _drawable(res: Resolution, path: Path, where: Key) -> tuple[Path, Path] | None:
    """The file both outputs draw for the logo at ``path`` (an SVG: a copy that reads no other
    file) and a PNG, JPEG or GIF every output can embed; None, with a notice, when the logo
    cannot be used."""
    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            raise _LogoError(f"is larger than {MAX_LOGO_BYTES // 1_000_000} MB")
        data = path.read_bytes()
        if path.suffix.lower() in (".svg", ".svgz") or svg.looks_like_svg(data):
            return _svg(res, data, where)
        kind = _check_bitmap(data)
    except (_LogoError, svg.SvgError) as exc:
        res.warn(where, f"logo '{path.name}' {exc}; it is left out",
                 "use a PNG, JPEG, GIF, ICO or SVG file within the limits in docs/branding.md")
        return None
    except OSError as exc:
        res.warn(where, f"cannot read logo '{path.name}' ({exc.strerror}); it is left out",
                 "check its permissions")
        return None
    return (path, path) if kind in EMBEDDABLE else (path, derived(data, "bitmap-png", ".png", _png))


def _svg(res: Resolution, data: bytes, where: Key) -> tuple[Path, Path]:
    """The SVG without references to other files (each removed one named in a notice), and its
    PNG rendering; both made through the cache, named by content."""
    checked = svg.inspect(data)
    for reference in checked.external:
        res.warn(where, f"the logo's reference to '{reference[:80]}' is left out: a logo is drawn "
                        "from its own file only", "embed the image in the SVG as a data: URI")
    clean_svg = derived(data, "svg-self-contained", ".svg", svg.self_contained)
    raster = derived(clean_svg.read_bytes(), "svg-png", ".png", _svg_png)
    return clean_svg, raster


class _LogoError(Exception):
    """The logo file cannot be used; the message says why."""


def _check_bitmap(data: bytes) -> str:
    """The image format of ``data``, checked (from its header, before decoding) to be within
    the pixel and aspect ratio limits."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            svg.check_size(image.width, image.height)
            kind = str(image.format)
            image.load()
    except svg.SvgError as exc:
        raise _LogoError(str(exc)) from None
    except Exception:  # Pillow raises many kinds for files that are not images
        raise _LogoError("is not a readable image") from None
    return kind


def _png(data: bytes) -> bytes:
    """A bitmap (ICO, BMP, WebP, …) as PNG; an icon's largest size."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        out = io.BytesIO()
        image.save(out, "PNG")
    return out.getvalue()


def _svg_png(data: bytes) -> bytes:
    """An SVG (checked by :func:`svg.inspect`) rendered as a PNG about 1000 pixels wide
    (nothing is fetched)."""
    import resvg_py

    try:
        text = data.decode("utf-8")
        png = resvg_py.svg_to_bytes(svg_string=text, width=svg.RENDER_WIDTH)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _LogoError(f"is not an SVG that can be drawn ({exc})") from None
    return bytes(png)
