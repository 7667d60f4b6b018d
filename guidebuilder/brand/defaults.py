"""The brand.yml ``defaults`` key: guidebuilder's own settings (page and slide size, footer,
PowerPoint template); other tools' defaults are accepted and left alone."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from guidebuilder.brand.model import Defaults
from guidebuilder.brand.resolution import Resolution
from guidebuilder.brand.schema import Closed, Open
from guidebuilder.guide.richtext import clean
from guidebuilder.reading.located import Key
from guidebuilder.reading.validation import describe

MAX_TEMPLATE_BYTES = 200_000_000
MAX_TEMPLATE_ENTRIES = 10_000
MAX_CONTENT_TYPES_BYTES = 1_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted Office file, or an old .ppt
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
OTHER_TYPES = {  # the presentation part's content type when the file is not a plain .pptx
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml":
        "a macro-enabled presentation (.pptm)",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        "a PowerPoint template (.potx)",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml":
        "a macro-enabled template (.potm)",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml":
        "a slide show (.ppsx)",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml":
        "a macro-enabled slide show (.ppsm)",
}


def _footer(value: Any) -> Any:
    """A footer as one text, or a mapping of language tags to texts; else one plain error."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and value and all(
            isinstance(key, str) and _TAG.match(key) and isinstance(text, str)
            for key, text in value.items()):
        return value
    raise PydanticCustomError("footer", "expected the footer's text, or language tags each with "
                              f"its text (en: …, de: …), found {describe(value)}")


_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class GuidebuilderDefaults(Closed):
    page_size: Literal["A4", "letter"] | None = Field(None, alias="page-size")
    slide_size: Literal["16:9", "4:3"] | None = Field(None, alias="slide-size")
    footer: Annotated[str | dict[str, str] | None, BeforeValidator(_footer)] = None
    pptx_template: str | None = Field(None, alias="pptx-template")
    color_scheme: Literal["light", "dark"] = Field("light", alias="color-scheme")


class BrandDefaults(Open):
    """Other tools' defaults (bootstrap, quarto, shiny, …) are accepted and ignored."""

    guidebuilder: GuidebuilderDefaults | None = None


def resolve_defaults(res: Resolution, defaults: BrandDefaults | None) -> tuple[Defaults, str]:
    """guidebuilder's settings, and the colour scheme the brand's light/dark pairs use."""
    own = (defaults.guidebuilder if defaults else None) or GuidebuilderDefaults.model_validate({})
    return Defaults(page_size=own.page_size or "A4", slide_size=own.slide_size,
                    footer=_footers(own.footer),
                    pptx_template=_template(res, own.pptx_template)), own.color_scheme


def _footers(given: str | dict[str, str] | None) -> dict[str, str]:
    """The footer texts by lower-case language tag ("" for one text in any language)."""
    if isinstance(given, dict):
        return {tag.lower(): clean(text) for tag, text in given.items()}
    return {"": clean(given)} if given else {}


def _template(res: Resolution, relative: str | None) -> Path | None:
    """The ``pptx-template`` file, checked to be a PowerPoint presentation."""
    if not relative:
        return None
    where: Key = ("defaults", "guidebuilder", "pptx-template")
    found = res.file(relative, where, "template")
    if found is None:
        return None
    if _starts_with(found, OLE_MAGIC):
        res.fail(where, f"'{relative}' is password-protected (or an old .ppt file), and "
                        "guidebuilder cannot open it",
                 "open it in PowerPoint, remove the password (File > Info > Protect "
                 "Presentation) and save it as a .pptx presentation")
        return None
    if found.suffix.lower() != ".pptx" or not zipfile.is_zipfile(found):
        res.fail(where, f"'{relative}' is not a .pptx file",
                 "save the template from PowerPoint as a .pptx presentation")
        return None
    with zipfile.ZipFile(found) as package:
        entries = package.infolist()
        unpacked = sum(entry.file_size for entry in entries)
        if len(entries) > MAX_TEMPLATE_ENTRIES or unpacked > MAX_TEMPLATE_BYTES:
            res.fail(where, f"'{relative}' unpacks to {unpacked // 1_000_000:,} MB in "
                            f"{len(entries):,} files, more than a template needs",
                     f"use a template under {MAX_TEMPLATE_BYTES // 1_000_000} MB unpacked "
                     "(remove its sample slides and media)")
            return None
        if "ppt/presentation.xml" not in package.namelist():
            res.fail(where, f"'{relative}' is not a PowerPoint presentation",
                     "save the template from PowerPoint as a .pptx presentation")
            return None
        kind = _presentation_type(package)
    if kind and kind != PRESENTATION_TYPE:  # a deck made from it would declare the same type
        what = OTHER_TYPES.get(kind) or f"of the type '{kind[:80]}'"
        res.fail(where, f"'{relative}' is {what}, not a .pptx presentation",
                 "open it in PowerPoint and save it as a PowerPoint Presentation (.pptx)")
        return None
    return _opens(res, found, relative, where)


_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _presentation_type(package: zipfile.ZipFile) -> str:
    """The content type [Content_Types].xml gives the presentation part ('' when none), read
    from its Override entries (attributes of one element kind; no XML parser needed)."""
    try:
        with package.open("[Content_Types].xml") as stream:
            data = stream.read(MAX_CONTENT_TYPES_BYTES)
    except (KeyError, OSError, zipfile.BadZipFile):
        return ""
    for tag in _OVERRIDE.findall(data):
        attributes: dict[str, str] = {name.decode(): value.decode("utf-8", "replace")
                                      for name, value in _ATTRIBUTE.findall(tag)}
        if attributes.get("PartName", "").lower() == "/ppt/presentation.xml":
            return attributes.get("ContentType", "")
    return ""


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(magic)) == magic
    except OSError:
        return False


def _opens(res: Resolution, found: Path, relative: str, where: Key) -> Path | None:
    """The template, when python-pptx opens it and it has a master with layouts."""
    from pptx import Presentation

    try:
        masters = Presentation(str(found)).slide_masters
        usable = len(masters) > 0 and len(masters[0].slide_layouts) > 0
    except Exception as exc:  # python-pptx raises many kinds on broken packages
        res.fail(where, f"'{relative}' cannot be opened as a presentation ({exc})",
                 "save the template from PowerPoint as a .pptx presentation")
        return None
    if not usable:
        res.fail(where, f"'{relative}' has no slide master with layouts",
                 "save a presentation whose slide master has its layouts as the template")
        return None
    return found
