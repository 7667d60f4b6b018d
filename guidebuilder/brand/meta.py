"""The brand.yml ``meta`` key: the organisation's name and links."""

from __future__ import annotations

from typing import Any

from guidebuilder.brand.schema import Open, Shorthand


class BrandMetaName(Shorthand, Open):
    """The organisation's name, or its full and short forms."""

    shorthand_for = "full"

    full: str | None = None
    short: str | None = None


class BrandMetaLink(Shorthand, Open):
    """The brand's home page, or links by name."""

    shorthand_for = "home"

    home: Any = None


class BrandMeta(Open):
    """The spec leaves ``meta`` open: keys other than these are kept and not used."""

    name: BrandMetaName | None = None
    link: BrandMetaLink | None = None


def organisation(meta: BrandMeta | None) -> str:
    """The organisation's name as the outputs print it (the full name first), or nothing."""
    if meta and meta.name:
        return (meta.name.full or meta.name.short or "").strip()
    return ""


def home_link(meta: BrandMeta | None) -> str:
    """The brand's home page (``meta.link`` as text, or its ``home``), or nothing."""
    home = meta.link.home if meta and meta.link else None
    return home.strip() if isinstance(home, str) else ""
