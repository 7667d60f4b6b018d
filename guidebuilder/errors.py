"""The project's exception types and the located problems (errors and warnings) they carry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with (or worth saying about) an input, located as precisely as we know.
    Errors stop a build; the same type reports warnings, which do not."""

    file: Path | str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: " if where else ""
        if self.path:
            text += f"{self.path}: "
        text += self.message.rstrip(".")
        if self.hint:
            text += f"; {self.hint.rstrip('.')}"
        text = " ".join(text.split())
        return text if text.endswith(("?", "!")) else text + "."


class GuideBuilderError(Exception):
    """Root of every error guidebuilder reports to its user."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str | Problem):
            problems = [problems if isinstance(problems, Problem) else Problem("", problems)]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple[type[GuideBuilderError], tuple[list[Problem]]]:
        return (self.__class__, (self.problems,))  # keep the problems between processes


class YamlError(GuideBuilderError):
    """A file cannot be read as YAML (or as text at all)."""


class ContentError(GuideBuilderError):
    """A guide file cannot be read or does not follow the content format."""


class BrandError(GuideBuilderError):
    """A brand file, or a file it names, cannot be used."""


class RenderError(GuideBuilderError):
    """An output could not be produced or written."""
