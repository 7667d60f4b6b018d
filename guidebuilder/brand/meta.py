"""The brand.yml ``meta`` key: the organisation's name and links."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from guidebuilder.brand.schema import Open, expand


class BrandMetaName(Open):
    full: str | None = None
    short: str | None = None


class BrandMeta(Open):
    """The spec leaves ``meta`` open: keys other than these are kept and not used."""

    name: BrandMetaName | None = None
    link: dict[str, Any] | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthands(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {**data}
            if "name" in data:
                data["name"] = expand(data["name"], "full")
            if "link" in data:
                data["link"] = expand(data["link"], "home")
        return data


def organisation(meta: BrandMeta | None) -> str:
    """The organisation's name as the outputs print it (the full name first), or nothing."""
    if meta and meta.name:
        return (meta.name.full or meta.name.short or "").strip()
    return ""


def home_link(meta: BrandMeta | None) -> str:
    """The brand's home page (``meta.link`` as text, or its ``home``), or nothing."""
    home = meta.link.get("home") if meta and meta.link else None
    return home.strip() if isinstance(home, str) else ""
