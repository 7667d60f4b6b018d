"""The brand.yml file format (posit-dev's spec) as strict pydantic models, before resolution.

Shorthands (``name: Acme``, ``base: Inter``, ``files: [a.ttf]``) are expanded to their long form
before validation, so every error points at one clear path. Scalars arrive as text.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


def _expand(value: Any, key: str) -> Any:
    """A plain string stands for ``{key: string}``."""
    return {key: value} if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class MetaName(_Strict):
    full: str | None = None
    short: str | None = None


class Meta(_Strict):
    name: MetaName | None = None
    link: dict[str, str] | None = None
    description: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthands(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {**data}
            if "name" in data:
                data["name"] = _expand(data["name"], "full")
            if "link" in data:
                data["link"] = _expand(data["link"], "home")
        return data


class LogoImage(_Strict):
    path: str
    alt: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _expand(data, "path")


class LogoVariant(_Strict):
    """A logo size: an image name or path, ``{path, alt}``, or ``{light, dark}``."""

    path: str | None = None
    alt: str | None = None
    light: LogoImage | None = None
    dark: LogoImage | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _expand(data, "path")


class Logo(_Strict):
    images: dict[str, LogoImage] = Field(default_factory=dict)
    small: LogoVariant | None = None
    medium: LogoVariant | None = None
    large: LogoVariant | None = None


THEME_COLORS = ("foreground", "background", "primary", "secondary", "tertiary", "success",
                "info", "warning", "danger", "light", "dark")


class Color(_Strict):
    palette: dict[str, str] = Field(default_factory=dict)
    foreground: str | None = None
    background: str | None = None
    primary: str | None = None
    secondary: str | None = None
    tertiary: str | None = None
    success: str | None = None
    info: str | None = None
    warning: str | None = None
    danger: str | None = None
    light: str | None = None
    dark: str | None = None


class FontFile(_Strict):
    path: str
    weight: str | None = None
    style: Literal["normal", "italic", "oblique"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _expand(data, "path")


class FontSource(_Strict):
    family: str
    source: Literal["file", "system", "google", "bunny"] = "file"
    files: list[FontFile] = Field(default_factory=list)
    weight: Any = None
    style: Any = None
    display: str | None = None


class TextStyle(_Strict):
    family: str | None = None
    size: str | None = None
    weight: str | None = None
    style: str | None = None
    color: str | None = None
    background_color: str | None = Field(None, alias="background-color")
    line_height: str | None = Field(None, alias="line-height")
    decoration: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _expand(data, "family")


class Typography(_Strict):
    fonts: list[FontSource] = Field(default_factory=list)
    base: TextStyle | None = None
    headings: TextStyle | None = None
    monospace: TextStyle | None = None
    monospace_inline: TextStyle | None = Field(None, alias="monospace-inline")
    monospace_block: TextStyle | None = Field(None, alias="monospace-block")
    link: TextStyle | None = None


class GuidebuilderDefaults(_Strict):
    page_size: Literal["A4", "letter"] | None = Field(None, alias="page-size")
    slide_size: Literal["16:9", "4:3"] | None = Field(None, alias="slide-size")
    footer: str | None = None
    pptx_template: str | None = Field(None, alias="pptx-template")


class Defaults(BaseModel):
    """Other tools' defaults (bootstrap, quarto, shiny, …) are accepted and ignored."""

    model_config = ConfigDict(extra="allow", frozen=True)
    guidebuilder: GuidebuilderDefaults | None = None


class BrandFile(_Strict):
    meta: Meta | None = None
    logo: Logo | None = None
    color: Color | None = None
    typography: Typography | None = None
    defaults: Defaults | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("logo"), str):
            path = data["logo"]
            data = {**data, "logo": {"small": path, "medium": path, "large": path}}
        return data
