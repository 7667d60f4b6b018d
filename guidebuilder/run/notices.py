"""What a build says about a guide beyond its errors: words that stay English, the organisation
init left as a placeholder, and the texts slides show shortened."""

from __future__ import annotations

import re
from pathlib import Path

from guidebuilder.brand.model import Brand
from guidebuilder.errors import Problem
from guidebuilder.guide.model import Guide
from guidebuilder.plan.labels import base_language, closest_languages
from guidebuilder.plan.layout import shortened_on_slides
from guidebuilder.reading.located import Located
from guidebuilder.starter import PLACEHOLDER_NAME


def shortened_notes(guide: Guide, source: Located) -> list[Problem]:
    """Where the slides show a guide's text cut to its leading sentences, each located, with
    the ``slide:`` form that would choose the words."""
    notes = []
    for item in shortened_on_slides(guide):
        key = tuple(int(index) if index else name for name, index in
                    re.findall(r"([^.\[\]]+)|\[(\d+)\]", item.path))
        line, column = source.position(key)
        shown = item.shown if len(item.shown) <= 80 else item.shown[:79] + "…"
        notes.append(Problem(source.file, f"slides show this text shortened to '{shown}'",
                             line, column, item.path, "to choose the words, write it as "
                             "{text: ..., slide: ...}"))
    return notes


def language_warnings(source: Located, tag: str) -> list[Problem]:
    """A notice when the guide's language has no built-in words (they stay English)."""
    if base_language(tag) is not None:
        return []
    line, column = source.position(("language",))
    close = closest_languages(tag)
    hint = (f"did you mean {' or '.join(repr(c) for c in close)}?" if close else
            "the known ones are listed in docs/content-format.md; or give your words under labels")
    return [Problem(source.file, f"no built-in words for the language '{tag}', so the words "
                    "the outputs add stay English", line, column, "language", hint)]


def placeholder_warnings(brand: Brand, brand_file: Path | None) -> list[Problem]:
    """A notice when the brand still names the organisation ``init`` wrote as a placeholder."""
    if brand_file is None or brand.meta.name != PLACEHOLDER_NAME:
        return []
    return [Problem(brand_file, f"the organisation is still init's placeholder "
                    f"'{PLACEHOLDER_NAME}', printed on every cover and footer", path="meta.name",
                    hint="write your organisation's name under meta: name: in this file")]
