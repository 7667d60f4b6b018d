"""The brand.yml ``logo`` key: named images and small/medium/large variants, resolved to files
both outputs can embed."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from guidebuilder.brand.model import Picture
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Expandable
from guidebuilder.reading.located import Key

MAX_LOGO_PIXELS = 25_000_000


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


class BrandLogo(Closed):
    images: dict[str, LogoImage] = Field(default_factory=dict)
    small: LogoVariant | None = None
    medium: LogoVariant | None = None
    large: LogoVariant | None = None


def resolve_logo(res: Resolution, logo: BrandLogo | None, preference: tuple[str, ...],
                 owner: str) -> Picture | None:
    """The first of the ``preference`` sizes the brand defines, as a checked image file."""
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
        found = res.file(reference, path, "logo")
        if found is None or not _image_ok(res, found, path):
            return None
        return Picture(found, alt or f"{owner} logo")
    return None


def _image_ok(res: Resolution, path: Path, where: Key) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise Image.DecompressionBombError("too many pixels")
            kind = image.format
            image.verify()
    except Image.DecompressionBombError:
        res.fail(where, f"logo '{path.name}' has more than {MAX_LOGO_PIXELS:,} pixels",
                 "use a smaller image (a logo needs at most a few hundred pixels across)")
        return False
    except Exception:  # Pillow raises many kinds for files that are not images
        res.fail(where, f"logo '{path.name}' is not a readable image", "use a PNG or JPEG file")
        return False
    if kind not in ("PNG", "JPEG", "GIF"):
        res.fail(where, f"logo '{path.name}' is {kind}, which the outputs cannot embed",
                 "convert it to PNG or JPEG")
        return False
    return True
