"""JSON Schemas (draft 2020-12) of the guide and brand formats, generated from the models that
``check`` validates with, for editors that complete keys and flag mistakes as you type."""

from __future__ import annotations

import json
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("guide", "brand")


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a guide file or of a brand file."""
    if kind == "guide":
        from guidebuilder.guide.model import Guide

        generated = Guide.model_json_schema()
        title = "guidebuilder guide"
    else:
        from guidebuilder.brand.brandfile import BrandFile

        generated = BrandFile.model_json_schema(by_alias=True)
        title = "brand.yml (with guidebuilder's defaults)"
    cleaned = _clean(generated)
    return {"$schema": DRAFT, "title": title, **{k: v for k, v in cleaned.items()
                                                  if k != "title"}}


def schema_text(kind: str) -> str:
    """The schema as the JSON text written to files (stable, so it can be committed)."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def _clean(node: Any) -> Any:
    """What pydantic generates, made right for YAML files: no generated titles, only JSON
    defaults, and text that YAML may read as a number or true/false accepted as text (the
    guide loader reads every scalar as text)."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "title" and isinstance(value, str):
            continue
        if key == "default" and not _is_json_value(value):
            continue
        if key in ("properties", "$defs", "patternProperties"):
            out[key] = {name: _clean(item) for name, item in value.items()}
        else:
            out[key] = _clean(value)
    if out.get("type") == "string" and not {"enum", "const", "pattern"} & out.keys():
        out["type"] = ["string", "number", "boolean"]
    return out


def _is_json_value(value: Any) -> bool:
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return all(_is_json_value(item) for item in value)
    return value is None or isinstance(value, str | int | float | bool)
