"""Load a guide file into a validated Guide, or raise ContentError with every problem found."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from guidebuilder import yamlsource
from guidebuilder.errors import ContentError
from guidebuilder.model import Guide, reference_problems
from guidebuilder.validation import located_problem, problems_from
from guidebuilder.yamlsource import Located


def load_guide(path: Path) -> Guide:
    """Read, parse and validate one guide file."""
    return load_guide_source(path)[0]


def load_guide_source(path: Path) -> tuple[Guide, Located]:
    """The validated guide and the located YAML data it came from."""
    try:
        source = yamlsource.load(path, "guide", "title, roles, …")
    except yamlsource.YamlError as exc:
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
    return guide, source
