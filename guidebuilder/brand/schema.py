"""What every brand.yml key's schema shares: closed objects and the shorthand expansion."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Closed(BaseModel):
    """An object the brand.yml spec closes: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def expand(value: Any, key: str) -> Any:
    """A plain string stands for ``{key: string}``."""
    return {key: value} if isinstance(value, str) else value
