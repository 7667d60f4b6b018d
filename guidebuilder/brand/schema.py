"""What every brand.yml key's schema shares: closed objects and the shorthand expansion."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, model_validator


class Closed(BaseModel):
    """An object the brand.yml spec closes: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Open(BaseModel):
    """An object the spec leaves open: other keys are accepted (and not used)."""

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)


class Expandable(Closed):
    """A closed object that may also be written as a plain string standing for one of its keys
    (``logo: logo.png``, ``base: Inter``)."""

    shorthand_for: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return expand(data, cls.shorthand_for)


def expand(value: Any, key: str) -> Any:
    """A plain string stands for ``{key: string}``."""
    return {key: value} if isinstance(value, str) else value
