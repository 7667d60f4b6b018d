"""What every brand.yml key's schema shares: closed and open objects, and objects that may be
written as a plain string (``logo: logo.png``, ``base: Inter``, ``name: Acme``)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


class Closed(BaseModel):
    """An object the brand.yml spec closes: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Open(BaseModel):
    """An object the spec leaves open: other keys are accepted (and not used)."""

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)


class Shorthand(BaseModel):
    """An object that may also be written as a plain string, standing for ``shorthand_for``
    (or what ``expand`` makes of it); its JSON Schema allows both."""

    shorthand_for: ClassVar[str]

    @classmethod
    def expand(cls, text: str) -> dict[str, Any]:
        """What a plain string stands for."""
        return {cls.shorthand_for: text}

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return cls.expand(data) if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        full = handler.resolve_ref_schema(handler(core_schema))
        keys = ", ".join(cls.expand("…"))
        return {"anyOf": [{"type": "string", "description": f"Short for {{{keys}: …}}"},
                          dict(full)]}


class Expandable(Shorthand, Closed):
    """A closed object that may be written as a plain string."""
