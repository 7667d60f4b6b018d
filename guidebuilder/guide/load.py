"""Load a guide file into a validated Guide, or raise ContentError with every problem found."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from guidebuilder.errors import ContentError, YamlError
from guidebuilder.guide.model import Guide, reference_problems
from guidebuilder.reading import located
from guidebuilder.reading.located import Located
from guidebuilder.reading.validation import located_problem, problems_from


class LoadedGuide(NamedTuple):
    """A validated guide and the located YAML data it came from (for later warnings)."""

    guide: Guide
    source: Located


def load_guide(path: Path) -> LoadedGuide:
    """Read, parse and validate one guide file."""
    try:
        source = located.load(path, "guide", "title, roles, …")
    except YamlError as exc:
        raise ContentError(exc.problems) from None
    problems = [located_problem(source, where, message, hint, key=where[-1] not in ("id",))
                for where, message, hint in reference_problems(source.data)]
    guide = None
    try:
        guide = Guide.model_validate(source.data)
    except ValidationError as exc:
        problems += problems_from(exc, source, Guide)
    if problems or guide is None:
        raise ContentError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return LoadedGuide(guide, source)
