"""What resolving one brand file shares across its keys: the located source, the problems and
warnings found so far, and file lookup relative to the brand file."""

from __future__ import annotations

from pathlib import Path

from guidebuilder.errors import Problem
from guidebuilder.reading.located import Key, Located, format_path
from guidebuilder.reading.validation import located_problem


class Resolution:
    """Collects problems (which stop the build) and warnings (which do not) for one brand file."""

    def __init__(self, source: Located) -> None:
        self.source = source
        self.folder = source.file.parent
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def fail(self, path: Key, message: str, hint: str) -> None:
        self.problems.append(located_problem(self.source, path, message, hint))

    def warn(self, path: Key, message: str, hint: str = "") -> None:
        line, column = self.source.position(path)
        self.warnings.append(Problem(self.source.file, message, line, column, format_path(path),
                                     hint))

    def file(self, relative: str, path: Key, what: str) -> Path | None:
        """The readable file ``relative`` names (relative to the brand file), else a problem."""
        target = (self.folder / relative).expanduser()
        if not target.is_file():
            self.fail(path, f"{what} file '{relative}' not found"
                      if not target.exists() else f"{what} path '{relative}' is not a file",
                      f"paths are relative to {self.folder}")
            return None
        try:
            with target.open("rb"):
                pass
        except OSError as exc:
            self.fail(path, f"cannot read {what} file '{relative}' ({exc.strerror})",
                      "check its permissions")
            return None
        return target
