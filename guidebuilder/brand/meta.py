"""The brand.yml ``meta`` key: the organisation's name and links."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from guidebuilder.brand.schema import Closed, expand


class BrandMetaName(Closed):
    full: str | None = None
    short: str | None = None


class BrandMeta(Closed):
    name: BrandMetaName | None = None
    link: dict[str, str] | None = None
    description: str | None = None

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


def organisation(meta: BrandMeta | None) -> str | None:
    """The organisation's name as the outputs print it (the full name first), if any."""
    if meta and meta.name:
        return meta.name.full or meta.name.short
    return None
