"""Whether a logo shows on a background, judged from its pixels. A logo made for one kind of
background (white on clear, for a dark brand) vanishes on the other (the handbook's white
pages): it is then drawn on a plate, a rectangle of the colour most of it reads on."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from guidebuilder.brand.colormath import luminance
from guidebuilder.brand.model import Colors, Logo, Picture
from guidebuilder.cache import identity

SEEN = 1.5  # the contrast from which a pixel of a logo counts as seen on a background
SHOWS = 0.8  # the share of a logo's ink that must be seen for it to need no plate (a dark
# wordmark beside a light mark vanishes on a dark slide even when the mark is most of the ink)
SAMPLE = 96  # the logo is judged from a copy at most this many pixels wide and high
PADDING = 0.25  # a plate's margin around its logo, as a share of the logo's height


def logo_on(logo: Logo | None, background: str,
            colors: Colors) -> tuple[Picture | None, str | None]:
    """The variant of ``logo`` for ``background``, and the plate it needs there (see
    :func:`plate_for`)."""
    picture = logo.on(background) if logo else None
    return picture, plate_for(picture, background, colors) if picture else None


def plate_for(picture: Picture, background: str, colors: Colors) -> str | None:
    """None when ``picture`` shows on ``background``; else the colour of the plate it is
    drawn on: of the brand's background (its logos are made for it), dark, primary and text
    colours, the one on which the most of it shows (the first of equals)."""
    ink = _ink(picture.raster, identity(picture.raster))
    if not ink or _shown(ink, luminance(background)) >= SHOWS:
        return None
    return max((colors.background, colors.dark, colors.primary, colors.foreground),
               key=lambda color: _shown(ink, luminance(color)))


def _shown(ink: tuple[tuple[float, float], ...], background: float) -> float:
    """The share of ``ink`` (luminance, weight pairs) seen on a ``background`` luminance."""
    seen = sum(weight for shade, weight in ink
               if (max(shade, background) + 0.05) / (min(shade, background) + 0.05) >= SEEN)
    return seen / sum(weight for _, weight in ink)


@lru_cache(maxsize=16)
def _ink(raster: Path, version: tuple[int, int, int, int]) -> tuple[tuple[float, float], ...]:
    """The luminance of a logo's pixels weighted by their opacity, in steps of 1/64 (the
    same luminance pooled); ``version`` keys the memo only. Empty when it cannot be read."""
    from PIL import Image

    try:
        with Image.open(raster) as image:
            image.draft("RGB", (SAMPLE, SAMPLE))
            sample = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return ()
    sample.thumbnail((SAMPLE, SAMPLE))
    linear = [c / 3294.6 if c <= 10.0164 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in range(256)]
    pooled: dict[int, float] = {}
    pixels = iter(sample.tobytes())  # RGBA, a byte each
    for red, green, blue, alpha in zip(pixels, pixels, pixels, pixels, strict=True):
        if alpha:
            step = round(64 * (0.2126 * linear[red] + 0.7152 * linear[green]
                               + 0.0722 * linear[blue]))
            pooled[step] = pooled.get(step, 0.0) + alpha / 255
    return tuple((step / 64, weight) for step, weight in sorted(pooled.items()))
