"""The brand.yml ``meta`` key: the organisation's name and links."""

from __future__ import annotations

from typing import Any

from guidebuilder.brand.model import Meta
from guidebuilder.brand.schema import Open, Shorthand
from guidebuilder.guide.richtext import clean


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


def resolve_meta(meta: BrandMeta | None) -> Meta:
    """The organisation's name as the outputs print it (the full name first) and its home
    page (``meta.link`` as text, or its ``home``); either may be empty."""
    name = (meta.name.full or meta.name.short or "") if meta and meta.name else ""
    home = meta.link.home if meta and meta.link else None
    return Meta(clean(name), clean(home) if isinstance(home, str) else "")
