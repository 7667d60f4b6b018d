"""Colour arithmetic shared by both renderers: mixing, WCAG contrast, readable text colours."""

from __future__ import annotations

import math


def rgb(hex_color: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as a tuple of 0–255 integers."""
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(red: float, green: float, blue: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(c))) for c in (red, green, blue)))


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0–1) of the way towards ``other``."""
    a, b = rgb(color), rgb(other)
    return to_hex(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def luminance(color: str) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1–21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ratio_text(ratio: float) -> str:
    """A contrast ratio as people read it, ``4.49:1``: cut (never rounded up) to two decimals,
    so a ratio below a threshold never prints as the threshold."""
    cut = math.floor(ratio * 100) / 100
    return f"{cut:.2f}".rstrip("0").rstrip(".") + ":1"


def readable_on(background: str, *candidates: str) -> str:
    """The candidate (default: near-black and white) with the best contrast on ``background``."""
    options = candidates or ("#FFFFFF", "#111111")
    return max(options, key=lambda c: contrast(c, background))


def ramp(color: str, background: str, index: int, count: int, lightest: float = 0.35) -> str:
    """Step ``index`` of ``count`` from a light tint of ``color`` up to ``color`` itself."""
    shade = lightest * (1 - index / (count - 1)) if count > 1 else 0.0
    return mix(color, background, shade)


AA = 4.5  # WCAG AA contrast for body text


def legible(ink: str, background: str, minimum: float = AA) -> str:
    """``ink`` if it reads on ``background``; else ``ink`` darkened or lightened (whichever
    way the background allows) just enough to reach ``minimum`` contrast."""
    if contrast(ink, background) >= minimum:
        return ink
    target = "#000000" if luminance(background) > 0.18 else "#FFFFFF"
    for step in range(1, 21):
        candidate = mix(ink, target, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return readable_on(background)


def is_light(color: str) -> bool:
    """Whether ``color`` is light enough for dark text (and for printing on)."""
    return luminance(color) >= 0.6
