"""Find the brand file a guide uses and load it (the brand.yml machinery loads only when used)."""

from __future__ import annotations

from pathlib import Path

from guidebuilder.brand.model import DEFAULT_BRAND, Brand
from guidebuilder.errors import Problem

BRAND_FILE = "_brand.yml"


def brand_candidates(guide: Path, explicit: Path | None) -> list[Path]:
    """Where a guide's brand file is looked for, in order."""
    if explicit is not None:
        return [explicit]
    return [guide.parent / BRAND_FILE, Path.cwd() / BRAND_FILE]


def find_brand(guide: Path, explicit: Path | None) -> Path | None:
    """``--brand FILE``, else ``_brand.yml`` beside the guide, else in the working directory."""
    if explicit is not None:
        return explicit
    return next((c for c in brand_candidates(guide, explicit) if c.is_file()), None)


def load_brand(path: Path | None) -> tuple[Brand, list[Problem]]:
    """The Brand for ``path`` (the built-in one when None) and warnings worth showing once.
    The brand.yml machinery is imported only when there is a brand file."""
    if path is None:
        return DEFAULT_BRAND, []
    from guidebuilder.brand.brandfile import read_brand

    return read_brand(path)
